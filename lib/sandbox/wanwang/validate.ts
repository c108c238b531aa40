/**
 * Checks a netCredit body the way the document marks it: every 必填 field present, plus the
 * ID number's GB 11643 check digit and a mainland mobile number. Scalars are read the way the
 * vendor's Java (Jackson) reads them: a number is accepted for a String field and a digit
 * string for an Integer one; objects, arrays and booleans in their place are refused.
 * Reasons are Chinese and name the field, e.g. `personList[0].certificateNum 不能为空`.
 */

export interface NetCreditPerson {
  custName: string;
  certificateNum: string;
  contactPhone: string;
  personType: number;
  licenceFrontUrl: string;
  licenceBackUrl: string;
}

export interface NetCreditInput {
  channel: string;
  creditType: string;
  dealersName: string | null;
  outsideOrderId: string;
  socialCreditCode: string;
  personList: NetCreditPerson[];
}

export type Validation = { ok: true; value: NetCreditInput } | { ok: false; reason: string };

class Refusal extends Error {}

const MOBILE = /^1[3-9]\d{9}$/;

export function validateNetCredit(body: unknown): Validation {
  try {
    return { ok: true, value: readBody(body) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.message };
    throw error;
  }
}

function readBody(body: unknown): NetCreditInput {
  if (!isObject(body)) throw new Refusal("请求体必须是 JSON 对象");
  const input = {
    channel: requiredString(body, "channel", "channel"),
    creditType: requiredString(body, "creditType", "creditType"),
    dealersName: optionalString(body, "dealersName", "dealersName"),
    outsideOrderId: requiredString(body, "outsideOrderId", "outsideOrderId"),
    socialCreditCode: requiredString(body, "socialCreditCode", "socialCreditCode"),
  };
  const list = body.personList;
  if (list === undefined || list === null || (Array.isArray(list) && list.length === 0)) {
    throw new Refusal("personList 不能为空");
  }
  if (!Array.isArray(list)) throw new Refusal("personList 必须是数组");
  return { ...input, personList: list.map((person, i) => readPerson(person, `personList[${i}]`)) };
}

function readPerson(person: unknown, path: string): NetCreditPerson {
  if (!isObject(person)) throw new Refusal(`${path} 不能为空`);
  const attach = person.attach;
  if (attach === undefined || attach === null) throw new Refusal(`${path}.attach 不能为空`);
  if (!isObject(attach)) throw new Refusal(`${path}.attach 格式不正确`);
  const read = {
    licenceBackUrl: requiredString(attach, "licenceBackUrl", `${path}.attach.licenceBackUrl`),
    licenceFrontUrl: requiredString(attach, "licenceFrontUrl", `${path}.attach.licenceFrontUrl`),
    certificateNum: requiredString(person, "certificateNum", `${path}.certificateNum`),
    contactPhone: requiredString(person, "contactPhone", `${path}.contactPhone`),
    custName: requiredString(person, "custName", `${path}.custName`),
    personType: requiredInteger(person, "personType", `${path}.personType`),
  };
  // Presence first for every field, then formats: a caller fixes the missing ones first.
  for (const side of ["licenceBackUrl", "licenceFrontUrl"] as const) {
    if (!isHttpUrl(read[side])) throw new Refusal(`${path}.attach.${side} 不是有效的 http(s) 地址`);
  }
  const idProblem = findIdNumberProblem(read.certificateNum);
  if (idProblem) throw new Refusal(`${path}.certificateNum 身份证号码${idProblem}`);
  if (!MOBILE.test(read.contactPhone)) throw new Refusal(`${path}.contactPhone 手机号码格式不正确`);
  if (read.personType !== 1 && read.personType !== 2) throw new Refusal(`${path}.personType 只能为 1（主借人）或 2（担保人）`);
  return { ...read, certificateNum: read.certificateNum.toUpperCase() };
}

function requiredString(obj: Record<string, unknown>, key: string, path: string): string {
  const value = optionalString(obj, key, path);
  if (value === null || value.trim() === "") throw new Refusal(`${path} 不能为空`);
  return value;
}

function optionalString(obj: Record<string, unknown>, key: string, path: string): string | null {
  const value = obj[key];
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw new Refusal(`${path} 格式不正确，应为字符串`);
}

function requiredInteger(obj: Record<string, unknown>, key: string, path: string): number {
  const value = obj[key];
  if (value === undefined || value === null || value === "") throw new Refusal(`${path} 不能为空`);
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  throw new Refusal(`${path} 格式不正确，应为整数`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = "10X98765432";

/**
 * GB 11643-1999, checked independently of the console's lib/pii so that a mistake there
 * shows up against the twin instead of being shared by both sides. Returns the reason.
 */
export function findIdNumberProblem(input: string): string | null {
  const id = input.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return "应为 18 位";
  const [y, m, d] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)].map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || date.getTime() > Date.now()) {
    return "出生日期无效";
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11] === id[17] ? null : "校验位错误";
}
