import type { SandboxResponse } from "../core/types";

/**
 * 万网中台's answer envelope `{code, msg, data, ok}`. Business refusals travel as HTTP 200
 * with a non-zero `code` (the console's rule is `code == 0 && ok`); only authentication
 * failures use an HTTP status, because that is what makes the console refresh its token.
 */
export const WANWANG_CODES = {
  ok: 0,
  invalid: 400,
  unauthorized: 401,
  notFound: 404,
  notReady: 409,
  /** The document names no duplicate code; a Java backend's generic failure is the likely one. */
  duplicate: 500,
} as const;

export function ok(data: unknown, msg: string | null = null): SandboxResponse {
  return { status: 200, body: { code: WANWANG_CODES.ok, msg, data, ok: true } };
}

export function refuse(code: number, msg: string, data: unknown = null): SandboxResponse {
  return { status: 200, body: { code, msg, data, ok: false } };
}

export function unauthorized(): SandboxResponse {
  return {
    status: 401,
    headers: { "www-authenticate": 'Bearer realm="wanwang", error="invalid_token"' },
    body: { code: WANWANG_CODES.unauthorized, msg: "未授权", data: null, ok: false },
  };
}
