/**
 * Writes the sample credit-report PDFs (lib/sandbox/deepfinch/fixtures/) used by tests, the
 * e2e journey and demos: two with a CJK text layer and one "scan" without text. Needs a CJK
 * TrueType font: Debian's fonts-droid-fallback (`apt-get install fonts-droid-fallback`), or
 * any .ttf/.otf passed as CJK_FONT. The Noto CJK fonts Debian ships are collections (.ttc),
 * which pdf-lib cannot embed.
 *
 *   npx tsx scripts/make-credit-report-pdfs.ts [outDir]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { makeSamplePdf, sampleReportLines } from "@/lib/sandbox/deepfinch/sample-pdf";

const FONT = process.env.CJK_FONT ?? "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";

async function main() {
  if (!existsSync(FONT)) throw new Error(`No CJK font at ${FONT}: apt-get install -y fonts-droid-fallback, or set CJK_FONT to a .ttf/.otf.`);
  const fontBytes = readFileSync(FONT);
  const out = process.argv[2] ?? "lib/sandbox/deepfinch/fixtures";
  mkdirSync(out, { recursive: true });
  for (const variant of [1, 2]) {
    const bytes = await makeSamplePdf({ title: "个人信用报告", lines: sampleReportLines(variant), fontBytes });
    writeFileSync(path.join(out, `credit-report-sample-${variant}.pdf`), bytes);
  }
  writeFileSync(path.join(out, "credit-report-scanned.pdf"), await makeSamplePdf({ title: "scan", lines: sampleReportLines(3) }));
  console.log(`sample PDFs written to ${out}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
