import { createHash } from "node:crypto";
import { z } from "zod";
import { callVendor } from "@/lib/vendors/core/call";
import { VendorError } from "@/lib/vendors/core/errors";
import type { WanwangConfig } from "@/lib/vendors/config";
import { tokenError } from "./errors";
import { wanwangManifest } from "./manifest";

/**
 * OAuth2 client-credentials token (RFC 6749 §4.4) for 万网中台, cached in process memory:
 * one cache per process and credentials (on `globalThis`, so every server bundle of a Next.js
 * process shares it), refreshed single-flight. The cache only saves round trips: a replica
 * without it fetches its own token, and a token revoked early is caught by the client's
 * 401 → refresh → retry path.
 */

export type TokenConfig = Pick<WanwangConfig, "tokenUrl" | "clientId" | "clientSecret" | "timeoutMs">;
export type TokenDeps = { fetch?: typeof fetch; now?: () => number };

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
const VENDOR = wanwangManifest.name;

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
    let token: TTokenResponse;
    try {
      // The token URL is the whole address; the log shows a label, not the URL.
      token = await callVendor({
        vendor: VENDOR,
        method: "POST",
        baseUrl: config.tokenUrl,
        path: "",
        body: { form: body },
        timeoutMs: config.timeoutMs,
        fetch: deps.fetch,
        log: { call: TOKEN_PATH_FOR_LOG },
        onStatus: (status, json) => {
          // 400 invalid_client / 401 / unauthorized_client: the configured credentials are refused.
          if (status >= 500) return tokenError(`万网 token endpoint answered HTTP ${status}`, { httpStatus: status });
          return refusedToken(status, json);
        },
        answer: z.unknown(),
        interpret: (json, status) => {
          if (json && typeof json === "object" && "error" in json) throw refusedToken(status, json);
          const parsed = ZTokenResponse.safeParse(json);
          // A 2xx without a token is most likely a wrong WANWANG_TOKEN_URL (an HTML page, another API).
          if (!parsed.success) throw tokenError("万网 token endpoint answered without an access_token; check WANWANG_TOKEN_URL", { config: true, httpStatus: status });
          return { result: parsed.data };
        },
      });
    } catch (err) {
      // Token-phase failures never reached the business endpoint: not sent, whatever the kind.
      if (err instanceof VendorError && err.kind !== "not_sent") throw tokenError(err.message, { httpStatus: err.httpStatus, cause: err.cause ?? err });
      throw err;
    }
    const lifetimeMs = (token.expires_in ?? DEFAULT_LIFETIME_S) * 1000;
    // A lifetime shorter than twice the margin would never be cached; keep half of it then.
    const margin = Math.min(REFRESH_MARGIN_MS, lifetimeMs / 2);
    cached = { token: token.access_token, refreshAt: started + lifetimeMs - margin };
    return token.access_token;
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

function refusedToken(status: number, json: unknown): VendorError {
  const oauthError = json && typeof json === "object" && "error" in json ? String((json as { error: unknown }).error) : null;
  return tokenError(
    `万网 token refused (HTTP ${status}${oauthError ? `, ${oauthError}` : ""}); check WANWANG_CLIENT_ID / WANWANG_CLIENT_SECRET / WANWANG_TOKEN_URL`,
    { config: true, httpStatus: status },
  );
}

// One provider per credentials in this process — on globalThis, because Next.js loads this
// module once per server bundle (route handlers, actions, pages) and a module-level cache
// would fetch one token per bundle. Keyed by a hash: the secret is not kept as a key. An
// injected fetch (tests) gets caches of its own.
type Caches = { byCredentials: Map<string, TokenProvider>; byFetch: WeakMap<typeof fetch, Map<string, TokenProvider>> };
const CACHES = Symbol.for("creditops.wanwang.tokenProviders");
function caches(): Caches {
  const g = globalThis as unknown as Record<symbol, Caches | undefined>;
  return (g[CACHES] ??= { byCredentials: new Map(), byFetch: new WeakMap() });
}

export function sharedTokenProvider(config: TokenConfig, fetchImpl?: typeof fetch): TokenProvider {
  const key = createHash("sha256").update(`${config.tokenUrl}\n${config.clientId}\n${config.clientSecret}\n${config.timeoutMs}`).digest("hex");
  const c = caches();
  let byKey = c.byCredentials;
  if (fetchImpl) {
    byKey = c.byFetch.get(fetchImpl) ?? new Map();
    c.byFetch.set(fetchImpl, byKey);
  }
  let provider = byKey.get(key);
  if (!provider) byKey.set(key, (provider = createTokenProvider(config, { fetch: fetchImpl })));
  return provider;
}
