import "server-only";
import type { Role } from "./roles";
import { guardRoute } from "./route-guard";
import type { SessionUser } from "./session";

/**
 * A form POST with files (above the server-action body limit): role check (refusal audited),
 * multipart parsing, then the handler's outcome — 201 with its result, or 400 with field errors
 * the form shows.
 */
export function multipartFormRoute<T extends object>(
  roles: readonly Role[],
  action: string,
  handle: (user: SessionUser, form: FormData, ip: string) => Promise<({ ok: true } & T) | { ok: false; fieldErrors: Record<string, string[]> }>,
  successStatus: (result: T) => number = () => 201,
) {
  return async (request: Request): Promise<Response> => {
    const guard = await guardRoute(request, roles, action);
    if ("response" in guard) return guard.response;
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return Response.json({ error: "VALIDATION", fieldErrors: {} }, { status: 400 });
    }
    const outcome = await handle(guard.user, form, guard.ip);
    if (!outcome.ok) return Response.json({ error: "VALIDATION", fieldErrors: outcome.fieldErrors }, { status: 400 });
    const { ok: _ok, ...result } = outcome;
    return Response.json(result, { status: successStatus(result as unknown as T) });
  };
}
