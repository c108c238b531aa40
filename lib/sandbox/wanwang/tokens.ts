import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { SandboxState } from "../core/state";
import type { SandboxRequest, SandboxResponse } from "../core/types";
import { wanwangManifest } from "@/lib/vendors/wanwang/manifest";
import { twinCredentials } from "../env";
import { getSettings } from "./settings";

/**
 * `POST /oauth/token`: OAuth2 client credentials (RFC 6749 §4.4). Client authentication by
 * form fields or HTTP Basic (§2.3.1), never both in one request. Tokens live in the sandbox
 * state under their SHA-256, so a restart keeps them valid until they expire.
 */
const tokenKey = (token: string) => `wanwang:token:${sha256(token)}`;

interface StoredToken {
  expiresAt: number;
}

export function issueToken(req: SandboxRequest, state: SandboxState): SandboxResponse {
  const form = req.form();
  const basic = parseBasic(req.headers.authorization);
  const formClient = form.get("client_id") !== null || form.get("client_secret") !== null;
  if (basic && formClient) {
    return oauthError(400, "invalid_request", "client authenticated by both HTTP Basic and form fields");
  }
  const clientId = basic?.id ?? form.get("client_id") ?? "";
  const clientSecret = basic?.secret ?? form.get("client_secret") ?? "";
  const expected = twinCredentials(wanwangManifest);
  if (!(safeEqual(clientId, expected.WANWANG_CLIENT_ID) && safeEqual(clientSecret, expected.WANWANG_CLIENT_SECRET))) {
    // §5.2: a client that tried Basic is told which scheme to use.
    const headers: Record<string, string> = basic ? { "www-authenticate": 'Basic realm="wanwang"' } : {};
    return oauthError(401, "invalid_client", "client authentication failed", headers);
  }
  const grant = form.get("grant_type");
  if (!grant) return oauthError(400, "invalid_request", "grant_type is required");
  if (grant !== "client_credentials") return oauthError(400, "unsupported_grant_type", `grant_type ${grant} is not supported`);

  const now = Date.now();
  pruneExpired(state, now);
  const ttl = getSettings(state).tokenTtlSeconds;
  const accessToken = randomBytes(24).toString("base64url");
  state.set(tokenKey(accessToken), { expiresAt: now + ttl * 1000 } satisfies StoredToken);
  return {
    status: 200,
    headers: NO_STORE,
    body: { access_token: accessToken, token_type: "bearer", expires_in: ttl },
  };
}

/** True when the request carries a bearer token this sandbox issued and that has not expired. */
export function hasValidBearer(req: SandboxRequest, state: SandboxState): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
  if (!match) return false;
  const stored = state.get<StoredToken>(tokenKey(match[1]));
  return stored !== undefined && Date.now() < stored.expiresAt;
}

const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };

function oauthError(status: number, error: string, description: string, headers: Record<string, string> = {}): SandboxResponse {
  return { status, headers: { ...NO_STORE, ...headers }, body: { error, error_description: description } };
}

/** §2.3.1: id and secret are form-urlencoded before being joined with `:` and base64-encoded. */
function parseBasic(header: string | undefined): { id: string; secret: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!match) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  try {
    const unform = (s: string) => decodeURIComponent(s.replace(/\+/g, " "));
    return { id: unform(decoded.slice(0, colon)), secret: unform(decoded.slice(colon + 1)) };
  } catch {
    return null;
  }
}

/** Compares digests so neither the length nor the content of the secret leaks through timing. */
function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(createHash("sha256").update(a).digest(), createHash("sha256").update(b).digest());
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function pruneExpired(state: SandboxState, now: number): void {
  for (const [key, token] of state.list<StoredToken>("wanwang:token:")) {
    if (token.expiresAt <= now) state.delete(key);
  }
}
