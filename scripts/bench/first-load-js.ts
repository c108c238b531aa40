/**
 * First-load JS per page of the last `next build`, gzip-compressed, as `next build` used to
 * print it (Next 16 with Turbopack no longer does):
 *
 *   npm run build && npm run bench:js [-- --dir .next] [--limit 200]
 *
 * A page's first load is the framework's root chunks (`rootMainFiles` in build-manifest.json)
 * plus every chunk its client-reference manifest lists for the segments it renders (root and
 * group layouts, error and not-found boundaries, the page). Each file counts once. Prints a
 * table, then one JSON line; exits 1 when a page is over the limit (kB, default 200).
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import vm from "node:vm";
import zlib from "node:zlib";

const { values } = parseArgs({ options: { dir: { type: "string" }, limit: { type: "string" } }, strict: true });
const dir = path.resolve(values.dir ?? ".next");
const limitKb = Number(values.limit ?? 200);

const buildManifest = JSON.parse(fs.readFileSync(path.join(dir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
const gzipCache = new Map<string, number>();
function gzipSize(file: string): number {
  let size = gzipCache.get(file);
  if (size === undefined) {
    size = zlib.gzipSync(fs.readFileSync(path.join(dir, file))).length;
    gzipCache.set(file, size);
  }
  return size;
}

/** Every `page_client-reference-manifest.js` under .next/server/app, with its route. */
function findManifests(root: string): { route: string; file: string }[] {
  const out: { route: string; file: string }[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "page_client-reference-manifest.js") {
        const rel = path.relative(root, path.dirname(full)).split(path.sep);
        const route = "/" + rel.filter((s) => !(s.startsWith("(") && s.endsWith(")"))).join("/");
        out.push({ route: route === "/" ? "/" : route.replace(/\/$/, ""), file: full });
      }
    }
  };
  walk(root);
  return out;
}

type RscManifest = { entryJSFiles?: Record<string, string[]> };

function entryFiles(manifestFile: string): string[] {
  const sandbox = { globalThis: {} as { __RSC_MANIFEST?: Record<string, RscManifest> } };
  vm.runInNewContext(fs.readFileSync(manifestFile, "utf8"), sandbox);
  const manifests = Object.values(sandbox.globalThis.__RSC_MANIFEST ?? {});
  return manifests.flatMap((m) => Object.values(m.entryJSFiles ?? {}).flat());
}

const rows = findManifests(path.join(dir, "server", "app"))
  .filter((m) => !m.route.startsWith("/_"))
  .map(({ route, file }) => {
    const files = new Set([...buildManifest.rootMainFiles, ...entryFiles(file)].map((f) => f.replace(/^\/_next\//, "")));
    const bytes = [...files].reduce((sum, f) => sum + gzipSize(f), 0);
    return { page: route, kB: Math.round((bytes / 1000) * 10) / 10, chunks: files.size };
  })
  .sort((a, b) => a.page.localeCompare(b.page));

const width = Math.max(4, ...rows.map((r) => r.page.length));
console.log(`${"page".padEnd(width)}  first-load JS (kB gzip)  chunks`);
for (const r of rows) console.log(`${r.page.padEnd(width)}  ${r.kB.toFixed(1).padStart(23)}  ${String(r.chunks).padStart(6)}${r.kB > limitKb ? "  over" : ""}`);
const over = rows.filter((r) => r.kB > limitKb);
console.log(over.length ? `${over.length} page(s) over ${limitKb} kB` : `every page within ${limitKb} kB`);
console.log(JSON.stringify({ bench: "first-load-js", limitKb, pages: rows.map(({ page, kB }) => ({ page, kB })) }));
if (over.length) process.exitCode = 1;
