import REGIONS from "./cn-regions.json";

/**
 * GB/T 2260 administrative division codes → names: every province, city and district
 * (3,800 entries), generated once from the MIT-licensed `china-area-data` 5.0.1 package
 * (`scripts/generate-regions.ts` says how). Pure data, no I/O: the console's case page and the
 * sandbox twin both read it.
 *
 * The municipalities (北京, 天津, 上海, 重庆) have a city level named 市辖区 / 县 that nobody
 * writes, so `describeArea("110101")` is 北京市东城区, not 北京市市辖区东城区.
 */
const NAMES = REGIONS as Record<string, string>;
const SKIPPED_CITY_NAMES = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);

export function regionName(code: string | null | undefined): string | null {
  if (!code) return null;
  return NAMES[code.trim()] ?? null;
}

/** Province + city + district names for a 6-digit code at any level; null when unknown. */
export function describeArea(code: string | null | undefined): string | null {
  const c = code?.trim();
  if (!c || !/^\d{6}$/.test(c) || !NAMES[c]) return null;
  const province = NAMES[`${c.slice(0, 2)}0000`] ?? "";
  if (c.endsWith("0000")) return province || NAMES[c];
  const cityCode = `${c.slice(0, 4)}00`;
  const city = NAMES[cityCode] && !SKIPPED_CITY_NAMES.has(NAMES[cityCode]) ? NAMES[cityCode] : "";
  if (c.endsWith("00")) return province + (city || NAMES[c]);
  return province + city + NAMES[c];
}

/** Every district-level code (last two digits not 00), in code order: the twin draws areas from it. */
export function districtCodes(): string[] {
  return Object.keys(NAMES)
    .filter((c) => /^\d{6}$/.test(c) && !c.endsWith("00"))
    .sort();
}

/** Province codes and names, for the list's province filter. */
export function provinces(): Array<{ code: string; name: string }> {
  return Object.keys(NAMES)
    .filter((c) => /^\d{2}0000$/.test(c))
    .sort()
    .map((code) => ({ code, name: NAMES[code] }));
}

/** Cities of one province (municipalities: the province itself stands for its one city level). */
export function citiesOf(provinceCode: string): Array<{ code: string; name: string }> {
  const prefix = provinceCode.slice(0, 2);
  return Object.keys(NAMES)
    .filter((c) => c.startsWith(prefix) && /^\d{4}00$/.test(c) && !c.endsWith("0000"))
    .sort()
    .map((code) => ({ code, name: SKIPPED_CITY_NAMES.has(NAMES[code]) ? NAMES[`${prefix}0000`] : NAMES[code] }));
}
