import type { z } from "zod";
import type { Parsed } from "./define-event";

/** The first zod issue as a reason a vendor can act on: `outsideOrderId: Invalid input…`. */
function reasonOf(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join(".") || "body"}: ${issue?.message}`;
}

/**
 * A hand-written check of a schema's usual shape, for hot paths: it returns exactly what the
 * schema would give for that document, or undefined for anything else — then the schema
 * decides (and words any refusal). So it may only accept what the schema accepts, with the
 * same output; a test beside each one checks that against the schema.
 */
export type FastAccept<T> = (document: unknown) => T | undefined;

/** A JSON body read by a zod schema (with an optional {@link FastAccept} tried first). */
export function jsonBody<T>(schema: z.ZodType<T>, fastAccept?: FastAccept<T>) {
  return (body: Buffer): Parsed<T> => {
    let document: unknown;
    try {
      document = JSON.parse(body.toString("utf8"));
    } catch {
      return { ok: false, reason: "body is not valid JSON" };
    }
    const accepted = fastAccept?.(document);
    if (accepted !== undefined) return { ok: true, value: accepted, document };
    const parsed = schema.safeParse(document);
    return parsed.success ? { ok: true, value: parsed.data, document } : { ok: false, reason: reasonOf(parsed.error) };
  };
}

/** An `application/x-www-form-urlencoded` body read by a zod schema over its fields. */
export function formBody<T>(schema: z.ZodType<T>) {
  return (body: Buffer, contentType: string | null): Parsed<T> => {
    if (contentType && !contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
      return { ok: false, reason: `expected application/x-www-form-urlencoded, got ${contentType.split(";")[0]}` };
    }
    const document = Object.fromEntries(new URLSearchParams(body.toString("utf8")));
    const parsed = schema.safeParse(document);
    return parsed.success ? { ok: true, value: parsed.data, document } : { ok: false, reason: reasonOf(parsed.error) };
  };
}
