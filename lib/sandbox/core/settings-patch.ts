import { z } from "zod";
import type { SandboxRequest, SandboxResponse } from "./types";

/**
 * A twin's `PUT …/_sandbox/settings` body: a JSON object checked by the twin's patch schema.
 * Every twin answers a bad body the same way (400 `bad_request` with the reason), so the parse
 * lives here once.
 */
export function readSettingsPatch<S extends z.ZodType>(req: SandboxRequest, schema: S): { ok: true; patch: z.infer<S> } | { ok: false; response: SandboxResponse } {
  let input: unknown;
  try {
    input = JSON.parse(req.text());
  } catch {
    return { ok: false, response: { status: 400, body: { error: "bad_request", message: "body must be a JSON object of settings" } } };
  }
  const patch = schema.safeParse(input);
  if (!patch.success) return { ok: false, response: { status: 400, body: { error: "bad_request", message: z.prettifyError(patch.error) } } };
  return { ok: true, patch: patch.data };
}
