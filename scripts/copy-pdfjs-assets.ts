/**
 * Copies pdf.js's worker, CMaps, standard fonts and wasm decoders from node_modules into
 * public/pdfjs/<version>/ so the credit-report viewer loads them from our own origin (no CDN,
 * CSP 'self'). Runs on postinstall; the folder is git-ignored. The version in the path lets a
 * new pdfjs-dist never meet an old cached worker.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const pkgDir = path.join(root, "node_modules", "pdfjs-dist");
if (!existsSync(pkgDir)) {
  console.log("pdfjs-dist not installed; nothing to copy");
  process.exit(0);
}
const { version } = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8")) as { version: string };
const out = path.join(root, "public", "pdfjs");
rmSync(out, { recursive: true, force: true });
const target = path.join(out, version);
mkdirSync(target, { recursive: true });
cpSync(path.join(pkgDir, "build", "pdf.worker.min.mjs"), path.join(target, "pdf.worker.min.mjs"));
for (const dir of ["cmaps", "standard_fonts", "wasm"]) {
  if (existsSync(path.join(pkgDir, dir))) cpSync(path.join(pkgDir, dir), path.join(target, dir), { recursive: true });
}
console.log(`pdf.js ${version} assets copied to public/pdfjs/${version}`);
