import "server-only";
import crypto from "node:crypto";
import type { CallbackAnswer, CallbackOutcome, HeaderReader } from "@/lib/inbox/define-event";
import { wanwangConfig } from "@/lib/vendors/config";

/**
 * How 万网 calls us back (design.md §2): `Authorization: Bearer <WANWANG_CALLBACK_TOKEN>`,
 * answered with its envelope `{code, msg, data, ok}`. Shared by the four callback events.
 */

/** The one place that knows where the expected token comes from (the vendor config may move). */
function expectedCallbackToken(): string {
  return wanwangConfig().callbackToken;
}

const sha256 = (text: string): Buffer => crypto.hash("sha256", text, "buffer");

/** The expected token's hash, recomputed only when the configured token changes. */
let expected: { token: string; hash: Buffer } | undefined;
function expectedHash(): Buffer {
  const token = expectedCallbackToken();
  if (expected?.token !== token) expected = { token, hash: sha256(token) };
  return expected.hash;
}

/** Constant-time bearer check; hashing both sides makes them equal length, so nothing leaks by length. */
export function verifyWanwangCallback(headers: HeaderReader): boolean {
  const match = /^Bearer\s+(.+)$/i.exec((headers.get("authorization") ?? "").trim());
  if (!match) return false;
  return crypto.timingSafeEqual(sha256(match[1]), expectedHash());
}

const envelope = (code: number, msg: string, status = 200): CallbackAnswer => ({
  status,
  contentType: "application/json",
  body: JSON.stringify({ code, msg, data: null, ok: code === 0 }),
});
/** The answer to nearly every call, serialised once. */
const SUCCESS: CallbackAnswer = Object.freeze(envelope(0, "success"));

/** After the intake: code 0 when applied or a duplicate (or durably recorded for a retry), non-zero when unmatched. */
export function answerWanwang(outcome: CallbackOutcome): CallbackAnswer {
  switch (outcome.kind) {
    case "processed":
    case "duplicate":
    case "deferred":
      return SUCCESS;
    case "unmatched":
      return envelope(404, outcome.reason);
    case "rejected":
      return envelope(401, "unauthorized", 401);
    case "malformed":
      return envelope(400, outcome.reason, 400);
    case "too_large":
      return envelope(413, "body too large", 413);
  }
}

/** Shared parts of every 万网 callback event definition. */
export const wanwangCallback = { source: "wanwang", verify: verifyWanwangCallback, answer: answerWanwang } as const;
