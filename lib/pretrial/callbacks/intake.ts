import "server-only";
import crypto from "node:crypto";
import type { z } from "zod";
import { type CallbackOutcome, handleCallback } from "@/lib/inbox/intake";
import { wanwangConfig } from "@/lib/vendors/config";

/** Constant-time bearer check against WANWANG_CALLBACK_TOKEN (design.md §2). */
export function verifyWanwangBearer(request: Request): boolean {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match) return false;
  const given = crypto.createHash("sha256").update(match[1]).digest();
  const expected = crypto.createHash("sha256").update(wanwangConfig().callbackToken).digest();
  // Hashing first makes both sides equal length, so timingSafeEqual never throws or leaks length.
  return crypto.timingSafeEqual(given, expected);
}

const envelope = (code: number, msg: string, status = 200) =>
  Response.json({ code, msg, data: null, ok: code === 0 }, { status });

/** 万网's envelope for each outcome: code 0 once durably recorded; non-zero otherwise. */
export function answerWanwang(outcome: CallbackOutcome): Response {
  switch (outcome.kind) {
    case "processed":
    case "duplicate":
    case "deferred":
      return envelope(0, "success");
    case "rejected":
      return envelope(401, "unauthorized", 401);
    case "malformed":
      return envelope(400, outcome.reason, 400);
    case "unmatched":
      return envelope(404, outcome.reason);
  }
}

export function parseWith<S extends z.ZodType>(schema: S) {
  return (raw: string): { ok: true; value: z.infer<S> } | { ok: false; reason: string } => {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return { ok: false, reason: "body is not valid JSON" };
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, reason: `${issue?.path.join(".") || "body"}: ${issue?.message}` };
    }
    return { ok: true, value: parsed.data };
  };
}

/** A route handler for one 万网 callback event. */
export function wanwangCallbackRoute<S extends z.ZodType>(eventType: string, schema: S, eventKey: (value: z.infer<S>) => string) {
  return (request: Request) =>
    handleCallback(request, {
      source: "wanwang",
      eventType,
      verify: verifyWanwangBearer,
      parse: parseWith(schema),
      eventKey,
      answer: answerWanwang,
    });
}
