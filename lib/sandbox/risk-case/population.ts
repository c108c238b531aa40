import { generateSyntheticBankCard, generateSyntheticMobile } from "@/lib/pii/id-card";
import { districtCodes } from "@/lib/regions";
import { seededRng } from "@/lib/seeded-rng";
import type { RiskCaseSettings } from "./settings";

/**
 * The twin's cases, computed rather than stored: case `k` (0 = newest) is a pure function of
 * `k` and the settings, so 5,000 or 1,000,000 cases cost nothing to keep and are the same on
 * every machine. Raising `population` adds older cases; the newer ones keep their numbers.
 * People are synthetic (lib/pii/id-card generators); merchants and agents are invented.
 */

export const RULES = ["SR00045", "SR00012", "SR00031", "SR00077", "SR00102", "SR00003"] as const;
export const TYPES = ["T00038", "T00012", "T00021", "T00007"] as const;
const FLOW_NODES = ["SAASSH", "SAASSH", "FKSH", "DCZ"] as const;
const AUDIT_FLOW = ["DSH", "SHZ", "SHTG", "SHBH"] as const;
const DEAL_WAYS = ["investigate", "investigate", "freeze", "observe"] as const;
const NAME_WORDS = ["兴宇", "恒达", "瑞丰", "鑫源", "嘉禾", "华信", "永昌", "博远", "晨光", "泰和", "宏图", "锦程"];
const TRADES = ["装饰工程服务", "餐饮管理", "商贸", "便利店", "汽车维修", "电子科技", "服装", "五金建材", "美容美发", "物流"];
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
const GIVEN = ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "军", "杰", "涛"];

const MINUTE_MS = 60_000;
const BEIJING_MS = 8 * 3600_000;

function hash(...parts: number[]): number {
  let h = 2166136261;
  for (const p of parts) {
    h = Math.imul(h ^ (p & 0xffff), 16777619);
    h = Math.imul(h ^ (p >>> 16), 16777619);
  }
  return h >>> 0;
}

const pick = <T>(rng: () => number, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Beijing `yyyy-MM-dd HH:mm:ss` ⇄ epoch ms. */
export function wireToMs(text: string): number {
  return Date.parse(`${text.replace(" ", "T")}Z`) - BEIJING_MS;
}
export function msToWire(ms: number): string {
  return new Date(ms + BEIJING_MS).toISOString().slice(0, 19).replace("T", " ");
}

export function createTimeMs(k: number, s: RiskCaseSettings): number {
  return wireToMs(s.newestCreateTime) - k * s.spacingMinutes * MINUTE_MS;
}

/** 29 digits like the document's `20230505153037394436862808100`: createTime, then 15 from k. */
export function caseNoOf(k: number, s: RiskCaseSettings): string {
  const time = msToWire(createTimeMs(k, s)).replace(/\D/g, "");
  return time + pad(hash(k, 7) % 100_000, 5) + pad(k, 10);
}

/** The k a case number names, or null when it is not one of ours. */
export function kOfCaseNo(caseNo: string, s: RiskCaseSettings): number | null {
  if (!/^\d{29}$/.test(caseNo)) return null;
  const k = Number(caseNo.slice(19));
  return k < s.population && caseNoOf(k, s) === caseNo ? k : null;
}

const DISTRICTS = districtCodes();

export function merchantCount(s: RiskCaseSettings): number {
  return Math.max(50, Math.ceil(s.population / 6));
}

export function merchantOf(m: number) {
  const rng = seededRng(hash(m, 1_000_003));
  const area = DISTRICTS[Math.floor(rng() * DISTRICTS.length)];
  const agent = m % 30;
  const firstAgent = agent % 5;
  return {
    mercNum: `8331${pad(m, 11)}`,
    mercName: `${pick(rng, NAME_WORDS)}${pick(rng, NAME_WORDS)}${pick(rng, TRADES)}有限公司`,
    areaCode: area,
    cityCode: `${area.slice(0, 4)}00`,
    provCode: `${area.slice(0, 2)}0000`,
    legalPerson: pick(rng, SURNAMES) + pick(rng, GIVEN) + (rng() < 0.5 ? pick(rng, GIVEN) : ""),
    legalPhone: generateSyntheticMobile(rng),
    cardNo: rng() < 0.6 ? generateSyntheticBankCard(rng) : "",
    mercCreateTime: msToWire(Date.UTC(2018, 0, 1) + Math.floor(rng() * 5 * 365) * 86_400_000 + Math.floor(rng() * 86_400) * 1000),
    agentNo: `FW1000${pad(100 + agent, 3)}`,
    agentName: `测试服务商${agent + 1}号`,
    firstAgentNo: `FW1000${pad(100 + firstAgent, 3)}`,
    firstAgentName: `测试服务商${firstAgent + 1}号`,
    level: agent === firstAgent ? `1级服务商编号:FW1000${pad(100 + agent, 3)}` : `2级服务商编号:FW1000${pad(100 + agent, 3)}`,
    longitude: rng() < 0.7 ? (100 + rng() * 22).toFixed(6) : "",
    latitude: "",
  };
}

/** How many change rounds touched case k (each round changes about 2% of cases). */
export function changesOf(k: number, s: RiskCaseSettings): number[] {
  const rounds: number[] = [];
  for (let r = 1; r <= s.changeRounds; r++) if (hash(k, r, 99) % 50 === 0) rounds.push(r);
  return rounds;
}

export type WireCase = Record<string, unknown>;

/** The case as the vendor sends it; empty values vary between "", null and {} as the document allows. */
export function caseOf(k: number, s: RiskCaseSettings): WireCase {
  const rng = seededRng(hash(k, 31));
  const merchant = merchantOf(Math.floor(rng() * merchantCount(s)));
  const createTime = msToWire(createTimeMs(k, s));
  const surveyed = rng() < 0.3;
  const changes = changesOf(k, s);
  const auditStep = Math.min(AUDIT_FLOW.length - 1, (surveyed ? 1 : 0) + changes.length);
  const empty = (field: number): unknown => [("" as unknown), null, ""][hash(k, field) % 3];
  const emptyTime = {};
  const referCount = rng() < 0.5 ? 1 + Math.floor(rng() * 3) : 0;
  const referOrders = Array.from({ length: referCount }, (_, i) => `T${createTime.replace(/\D/g, "").slice(0, 8)}${pad(hash(k, i, 5) % 1e8, 8)}`).join(",");
  const lat = merchant.longitude ? (22 + seededRng(hash(k, 13))() * 20).toFixed(6) : "";
  const surveyTimeMs = createTimeMs(k, s) + 2 * 86_400_000;
  const bad = s.badRecordEvery > 0 && k % s.badRecordEvery === s.badRecordEvery - 1;
  return {
    legalPhone: merchant.legalPhone,
    mercCreateTime: merchant.mercCreateTime,
    cardNo: merchant.cardNo || empty(1),
    surveyRemark: surveyed ? "已电话联系商户，商户配合提供资料" : empty(2),
    riskTypeRules: pick(rng, RULES),
    longitude: merchant.longitude || empty(3),
    mercName: merchant.mercName,
    mercNum: merchant.mercNum,
    riskTypeCaseDealWay: pick(rng, DEAL_WAYS),
    areaCode: merchant.areaCode,
    referOrders: referOrders || empty(4),
    cityCode: merchant.cityCode,
    latitude: lat || empty(5),
    remark: empty(6),
    agentNo: merchant.agentNo,
    typeNo: pick(rng, TYPES),
    legalPerson: merchant.legalPerson,
    flowNodeKey: pick(rng, FLOW_NODES),
    surveyWay: surveyed ? "电话调查" : empty(7),
    provCode: merchant.provCode,
    suggest: empty(8),
    caseNo: caseNoOf(k, s),
    createTime: bad ? createTime.replace(/-/g, "/") : createTime,
    caseDealWay: pick(rng, DEAL_WAYS),
    auditStatus: AUDIT_FLOW[auditStep],
    createWay: rng() < 0.8 ? "AUTO" : "MANUAL",
    surveyResult: changes.length > 0 ? `第${changes.at(-1)}轮复核：${auditStep >= 2 ? "商户经营正常" : "待补充资料"}` : surveyed ? "商户经营正常" : empty(9),
    termNo: `CHT${pad(hash(k, 17) % 1e7, 7)}`,
    firstAgentNo: merchant.firstAgentNo,
    firstAgentName: merchant.firstAgentName,
    agentName: merchant.agentName,
    surveyTime: surveyed || changes.length > 0 ? msToWire(surveyTimeMs) : emptyTime,
    submitTime: surveyed ? msToWire(surveyTimeMs - 86_400_000) : emptyTime,
    level: merchant.level,
  };
}
