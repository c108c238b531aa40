import { createHash } from "node:crypto";
import { z } from "zod";
import { logger } from "@/lib/logger";
import type { WanwangConfig } from "@/lib/vendors/config";
import { WanwangError, transportError } from "./errors";

/**
 * OAuth2 client-credentials token (RFC 6749 §4.4) for 万网中台, cached in process memory.
 * The cache only saves round trips: a replica without it fetches its own token, and a
 * token revoked early is caught by the client's 401 → refresh → retry path.
 */

export type TokenConfig = Pick<WanwangConfig, "tokenUrl" | "clientId" | "clientSecret" | "timeoutMs">;
export type TokenDeps = { fetch: typeof fetch; now?: () => number };

export type TokenProvider = {
  /** A valid access token, from the cache or from one shared refresh. */
  getToken(): Promise<string>;
  /** Forget the cached token; given the token that was refused, only if it is still the cached one. */
  invalidate(refused?: string): void;
};

/** RFC 6749 §5.1. `expires_in` is only RECOMMENDED there and may come as a string. */
export const ZTokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z
    .union([z.number(), z.string().trim().regex(/^\d+(\.\d+)?$/).transform(Number)])
    .pipe(z.number().positive())
    .optional(),
});
export type TTokenResponse = z.output<typeof ZTokenResponse>;

/** Refresh this long before the token expires, so a request never carries a dying token. */
export const REFRESH_MARGIN_MS = 60_000;
/** When the server omits expires_in (RFC 6749 allows it), assume a short life; a 401 corrects us. */
const DEFAULT_LIFETIME_S = 300;
const TOKEN_PATH_FOR_LOG = "oauth token";

export function createTokenProvider(config: TokenConfig, deps: TokenDeps): TokenProvider {
  const now = deps.now ?? Date.now;
  let cached: { token: string; refreshAt: number } | null = null;
  let inflight: Promise<string> | null = null;

  async function fetchToken(): Promise<string> {
    const started = now();
    const body = new URLSearchParams({
      grant_type: "client_credentials",
      client_id: config.clientId,
      client_secret: config.clientSecret,
    });
    let res: Response;
    let text: string;
    try {
      res = await deps.fetch(config.tokenUrl, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
        body: body.toString(),
        signal: AbortSignal.timeout(config.timeoutMs),
        redirect: "manual",
      });
      text = await res.text();
    } catch (err) {
      const error = tokenPhase(transportError(err, "万网 token endpoint"));
      logger.warn({ vendor: "wanwang", call: TOKEN_PATH_FOR_LOG, durationMs: now() - started, kind: "token", err: error }, "wanwang token failed");
      throw error;
    }
    logger.info({ vendor: "wanwang", call: TOKEN_PATH_FOR_LOG, status: res.status, durationMs: now() - started }, "wanwang token");

    if (res.status >= 500) {
      throw new WanwangError("VENDOR_UNAVAILABLE", "token", `万网 token endpoint answered HTTP ${res.status}`, { httpStatus: res.status });
    }
    const json = safeJson(text);
    const oauthError = json && typeof json === "object" && "error" in json ? String((json as { error: unknown }).error) : null;
    if (!res.ok || oauthError) {
      // 400 invalid_client / 401 / unauthorized_client: the configured credentials are refused.
      throw new WanwangError("VENDOR_CONFIG", "config", `万网 token refused (HTTP ${res.status}${oauthError ? `, ${oauthError}` : ""}); check WANWANG_CLIENT_ID / WANWANG_CLIENT_SECRET / WANWANG_TOKEN_URL`, {
        httpStatus: res.status,
      });
    }
    const parsed = ZTokenResponse.safeParse(json);
    if (!parsed.success) {
      // A 2xx without a token is most likely a wrong WANWANG_TOKEN_URL (an HTML page, another API).
      throw new WanwangError("VENDOR_CONFIG", "config", "万网 token endpoint answered without an access_token; check WANWANG_TOKEN_URL", {
        httpStatus: res.status,
      });
    }
    const lifetimeMs = (parsed.data.expires_in ?? DEFAULT_LIFETIME_S) * 1000;
    // A lifetime shorter than twice the margin would never be cached; keep half of it then.
    const margin = Math.min(REFRESH_MARGIN_MS, lifetimeMs / 2);
    cached = { token: parsed.data.access_token, refreshAt: started + lifetimeMs - margin };
    return parsed.data.access_token;
  }

  return {
    getToken() {
      if (cached && now() < cached.refreshAt) return Promise.resolve(cached.token);
      // Single flight: every caller that finds the cache stale waits for the same request.
      inflight ??= fetchToken().finally(() => {
        inflight = null;
      });
      return inflight;
    },
    invalidate(refused) {
      // Concurrent 401s for the same old token must not throw away a token refreshed meanwhile.
      if (!refused || cached?.token === refused) cached = null;
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Token-phase transport failures never reached the business endpoint: not ambiguous. */
function tokenPhase(err: WanwangError): WanwangError {
  return new WanwangError("VENDOR_UNAVAILABLE", "token", err.message, { cause: err.cause ?? err });
}

// One provider per (fetch, endpoint, client) in this process, so clients created per
// request still share the cached token. Keyed by a hash: the secret is not kept as a key.
const shared = new WeakMap<typeof fetch, Map<string, TokenProvider>>();

export function sharedTokenProvider(config: TokenConfig, fetchImpl: typeof fetch): TokenProvider {
  const key = createHash("sha256").update(`${config.tokenUrl}\n${config.clientId}\n${config.clientSecret}\n${config.timeoutMs}`).digest("hex");
  let byKey = shared.get(fetchImpl);
  if (!byKey) shared.set(fetchImpl, (byKey = new Map()));
  let provider = byKey.get(key);
  if (!provider) byKey.set(key, (provider = createTokenProvider(config, { fetch: fetchImpl })));
  return provider;
}
