import type { SandboxResponse } from "../core/types";

/**
 * The document's 附录一 return values. Every answer is HTTP 200 with `{code, msg}`: the
 * document shows no other status. Success carries `code` as the STRING "1000" (返回示例)
 * and errors as a NUMBER (错误示例 `"code" : 100`); the sandbox keeps that mix so the
 * console's parser has to accept both, as design.md §3 says it must.
 */
export const RISK_SCORE_ERRORS = {
  badSignature: { code: 100, msg: "签名不匹配" },
  badParams: { code: 2001, msg: "参数错误！" },
  rateLimited: { code: 4001, msg: "请求到上限！" },
  noCallbackUrl: { code: 4002, msg: "请先配置回调地址！" },
  requestFailed: { code: 9001, msg: "请求失败，请检测参数！" },
  duplicateOrder: { code: 9002, msg: "该订单号已存在，请勿重复提交！" },
  badPull: { code: 9003, msg: "非法返回，请联系相关人员核查！" },
} as const;

export type RiskScoreError = keyof typeof RISK_SCORE_ERRORS;

/**
 * `note` goes into an `x-sandbox-note` header only: the body stays the vendor's exact
 * shape, while someone reading the sandbox's answer can still see why (e.g. which check
 * of the pulled data failed). ASCII, and never personal data.
 */
export function errorReply(error: RiskScoreError, note?: string): SandboxResponse {
  return withNote({ status: 200, body: { ...RISK_SCORE_ERRORS[error] } }, note);
}

/** 4005 names the missing field of the pulled data, as `回调数据***缺失，请自检!` does. */
export function missingFieldReply(fieldPath: string): SandboxResponse {
  return withNote({ status: 200, body: { code: 4005, msg: `回调数据${fieldPath}缺失，请自检!` } }, `missing ${fieldPath}`);
}

export function scoreReply(score: string): SandboxResponse {
  return { status: 200, body: { code: "1000", msg: "success", data: { score } } };
}

/** getHistoryScores' shape: `scores` at the top level, a string. */
export function historyReply(score: string): SandboxResponse {
  return { status: 200, body: { code: "1000", msg: "success", scores: score } };
}

function withNote(response: SandboxResponse, note: string | undefined): SandboxResponse {
  return note ? { ...response, headers: { "x-sandbox-note": note } } : response;
}
