/**
 * Regenerates lib/regions/cn-regions.json from the `china-area-data` package (MIT), which is
 * not a dependency: `npm pack china-area-data@5.0.1 && tar xzf china-area-data-5.0.1.tgz`,
 * then `npx tsx scripts/generate-regions.ts package/data.json`. The output is a flat
 * `{code: name}` map; parents follow from the code itself.
 */
import { readFileSync, writeFileSync } from "node:fs";

const source = process.argv[2];
if (!source) throw new Error("usage: tsx scripts/generate-regions.ts <china-area-data/data.json>");
const nested = JSON.parse(readFileSync(source, "utf8")) as Record<string, Record<string, string>>;
const flat: Record<string, string> = {};
for (const children of Object.values(nested)) Object.assign(flat, children);
writeFileSync("lib/regions/cn-regions.json", JSON.stringify(flat));
console.log(`${Object.keys(flat).length} regions written`);
