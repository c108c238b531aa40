/**
 * The pretrial outcome as a pure function of the ID number, so a tester picks the outcome by
 * picking the number (table in docs/sandbox-wanwang.md). Digits are counted from 1:
 * the 17th (sequence/sex digit) decides level and pass/fail, the 16th the personReport
 * format, the 15th the four court/credit flags, and the digit sum the capital list.
 */

export type CustomerLevel = "A" | "B" | "C" | "D";

export interface PlatformEntry {
  id: string;
  platform: string;
  saasPlatformCode: string;
  saasPlatformLabelId: string;
  saasPlatformName: string;
}

export interface WanwangOutcome {
  customerLevel: CustomerLevel;
  pretrialStatus: 0 | 1;
  /** Either a JSON string or a Java `Map.toString()` string, as the document shows both. */
  personReport: string;
  personReportFormat: "json" | "java-map";
  flags: { court: boolean; dishonesty: boolean; exposurePlatform: boolean; closeCase: boolean };
  platformData: PlatformEntry[];
}

/** 17th digit → level and pretrialStatus. 6 is the "C that fails" case. */
const BY_17TH_DIGIT: ReadonlyArray<{ level: CustomerLevel; pass: boolean }> = [
  { level: "A", pass: true }, // 0
  { level: "A", pass: true }, // 1
  { level: "B", pass: true }, // 2
  { level: "B", pass: true }, // 3
  { level: "C", pass: true }, // 4
  { level: "C", pass: true }, // 5
  { level: "C", pass: false }, // 6
  { level: "D", pass: false }, // 7
  { level: "D", pass: false }, // 8
  { level: "D", pass: false }, // 9
];

const DESC: Record<CustomerLevel, string> = { A: "优", B: "良", C: "中", D: "次" };
const PRODUCT: Record<CustomerLevel, string> = { A: "尊享", B: "优享", C: "畅享", D: "普惠" };

/** Capital providers as listed in the document's resultQuery example (companies, not people). */
const entry = (id: string, platform: string, code: string, labelId: string, name: string): PlatformEntry => ({
  id,
  platform,
  saasPlatformCode: code,
  saasPlatformLabelId: labelId,
  saasPlatformName: name,
});
export const PLATFORM_CATALOGUE: readonly PlatformEntry[] = [
  entry("79", "铭行", "ZTJ", "131", "中铁金租"),
  entry("78", "苏银金融租赁股份有限公司", "ZTJ", "131", "中铁金租"),
  entry("12", "广西通盛融资租赁有限公司", "TONGSHENG", "132", "广西通盛"),
  entry("26", "国银金融租赁股份有限公司", "GUO_YIN", "130", "国银金租"),
  entry("28", "中铁建金融租赁有限公司", "ZTJ", "131", "中铁金租"),
  entry("64", "华夏金融租赁有限公司", "ZTJ", "131", "中铁金租"),
  entry("37", "民生金融租赁股份有限公司", "ZTJ", "131", "中铁金租"),
  entry("2", "上海众慧融资租赁有限公司", "ZTJ", "131", "中铁金租"),
  entry("89", "九江银行", "ZTJ", "131", "中铁金租"),
  entry("30", "中国工商银行股份有限公司三亚分行", "E_NEW", "129", "工行平台"),
  entry("16", "中国工商银行股份有限公司海南省分行营业部", "E_NEW", "129", "工行平台"),
  entry("32", "中国工商银行股份有限公司海口江东支行", "E_NEW", "129", "工行平台"),
];

export function outcomeFor(idCard: string): WanwangOutcome {
  const digit = (position: number) => Number(idCard[position - 1]);
  const { level, pass } = BY_17TH_DIGIT[digit(17)];
  const bits = digit(15);
  const flags = {
    court: (bits & 1) !== 0,
    dishonesty: (bits & 2) !== 0,
    exposurePlatform: (bits & 4) !== 0,
    closeCase: (bits & 8) !== 0,
  };
  const personReportFormat = digit(16) % 2 === 0 ? "json" : "java-map";
  const report = { level, pass, flags };
  return {
    customerLevel: level,
    pretrialStatus: pass ? 1 : 0,
    personReport: personReportFormat === "json" ? jsonReport(report) : javaMapReport(report),
    personReportFormat,
    flags,
    platformData: pass ? pickPlatforms(idCard) : [],
  };
}

/** 2–6 consecutive catalogue entries (wrapping), count and start from the digit sum. */
function pickPlatforms(idCard: string): PlatformEntry[] {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(idCard[i]);
  const count = 2 + (sum % 5);
  const start = sum % PLATFORM_CATALOGUE.length;
  return Array.from({ length: count }, (_, i) => ({ ...PLATFORM_CATALOGUE[(start + i) % PLATFORM_CATALOGUE.length] }));
}

interface ReportFacts {
  level: CustomerLevel;
  pass: boolean;
  flags: WanwangOutcome["flags"];
}

const yesNo = (flag: boolean) => (flag ? "是" : "否");

/** Key order as in the document's pretrialResult example. */
function jsonReport({ level, pass, flags }: ReportFacts): string {
  const cardFinalLevel = `${level}1`;
  return JSON.stringify({
    prequalificationResult: pass ? "通过" : "不通过",
    desc: DESC[level],
    cardFinalLevel,
    pricingProduct: PRODUCT[level],
    pricingProductDesc: `${PRODUCT[level]}(${cardFinalLevel})`,
    otherInfo: {
      court: yesNo(flags.court),
      dishonesty: yesNo(flags.dishonesty),
      exposurePlatform: yesNo(flags.exposurePlatform),
      closeCase: yesNo(flags.closeCase),
    },
  });
}

/** Java `HashMap.toString()` as the document's resultQuery example prints it, key order included. */
function javaMapReport({ level, pass, flags }: ReportFacts): string {
  const other =
    `{dishonesty=${yesNo(flags.dishonesty)}, exposurePlatform=${yesNo(flags.exposurePlatform)}, ` +
    `court=${yesNo(flags.court)}, closeCase=${yesNo(flags.closeCase)}}`;
  return `{otherInfo=${other}, prequalificationResult=${pass ? "通过" : "不通过"}, desc=${DESC[level]}}`;
}
