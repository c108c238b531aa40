import { z } from "zod";
import { parseKey } from "@/lib/pii/crypto";
import { readSandboxSecrets } from "@/lib/secrets";
import { decideMode, missingForLive, vendorValues, type VendorMode } from "@/lib/vendors/core/manifest";
import { VENDOR_KEYS, VENDOR_MANIFESTS, type AnyVendorManifest, type VendorKey } from "@/lib/vendors/manifests";

export type { VendorKey, VendorMode };

/**
 * The one place configuration is read (house-style rule 9). Parsed lazily on first use so
 * `next build` needs no secrets; a missing secret in live mode is a start-up error naming
 * the variable (design.md §1).
 */

const optional = z.string().trim().min(1).optional();

/** Core variables; each vendor's come from its manifest (lib/vendors/<vendor>/manifest.ts). */
const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().positive().default(3000),
  SANDBOX_PORT: z.coerce.number().int().positive().default(3100),
  DATABASE_URL: optional,
  APP_BASE_URL: optional,
  /** Proxies in front of the console that append to X-Forwarded-For (design.md §2); 0 = trust the socket. */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(16).default(0),
  AUTH_SECRET: optional,
  PII_ENCRYPTION_KEY: optional,
  PII_INDEX_KEY: optional,
  FILE_URL_SECRET: optional,
  WANWANG_CREDIT_TYPE: z.coerce.number().int().default(6),
  /** Reconciliation (issue 12): the closing call, CONFIRM_CHECKFILE (厦门银行) or UPLOAD_CHECKFILE (中信银行). */
  RECON_CLOSE_MODE: z.enum(["CONFIRM", "UPLOAD"]).default("CONFIRM"),
  /** Reconciliation: Beijing HH:mm from which the scheduled run of yesterday starts (the worker ticks 01:00–07:50). */
  RECON_START_TIME: z.string().trim().regex(/^0[1-7]:[0-5]\d$/, "HH:mm Beijing from 01:00 to 07:59").default("01:30"),
});

type SecretName = "AUTH_SECRET" | "PII_ENCRYPTION_KEY" | "PII_INDEX_KEY" | "FILE_URL_SECRET";
/** Keys whose format is known: checked whenever they are set, so start-up fails, not the first order. */
const KEYS_32_BYTES = ["PII_ENCRYPTION_KEY", "PII_INDEX_KEY"] as const;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Empty strings (`X=` in a .env file) mean "not set". */
function present(source: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter((e): e is [string, string] => e[1] !== undefined && e[1].trim() !== ""));
}

function resolveVendors(source: Record<string, string>) {
  const entries = VENDOR_MANIFESTS.map((m) => {
    let mode: VendorMode;
    try {
      mode = decideMode(m, source);
    } catch (error) {
      throw new ConfigError(error instanceof Error ? error.message : String(error));
    }
    if (mode === "live") {
      const missing = missingForLive(m, source);
      if (missing.length) throw new ConfigError(`Vendor ${m.name} is live but ${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} not set.`);
    }
    return [m.key, { mode, values: vendorValues(m, source) }] as const;
  });
  return Object.fromEntries(entries) as { [K in VendorKey]: { mode: VendorMode; values: Partial<Record<Extract<AnyVendorManifest, { key: K }>["env"][number], string>> } };
}

function resolve(source: NodeJS.ProcessEnv) {
  const set = present(source);
  const parsed = ZEnv.safeParse(set);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Invalid configuration: ${issue?.path.join(".")} — ${issue?.message}`);
  }
  const raw = parsed.data;
  const vendors = resolveVendors(set);
  const modes = Object.fromEntries(VENDOR_KEYS.map((k) => [k, vendors[k].mode])) as Record<VendorKey, VendorMode>;
  const anyLive = VENDOR_KEYS.some((k) => modes[k] === "live");

  // Sandbox mode falls back to generated secrets; live mode must name every missing one.
  const generated = anyLive ? {} : (readSandboxSecrets() ?? {});
  for (const name of KEYS_32_BYTES) {
    const value = raw[name] ?? generated[name];
    if (value === undefined) continue;
    try {
      parseKey(value, name);
    } catch (error) {
      throw new ConfigError(`Invalid ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const secret = (name: SecretName) => {
    const value = raw[name] ?? generated[name];
    if (!value) {
      throw new ConfigError(
        anyLive
          ? `Missing ${name}: set it in the environment (required when a vendor runs live).`
          : `Missing ${name}: run \`npm start\` once to generate .data/secrets.json, or set it in the environment.`,
      );
    }
    return value;
  };

  const sandboxUrl = `http://127.0.0.1:${raw.SANDBOX_PORT}`;
  return {
    nodeEnv: raw.NODE_ENV,
    port: raw.PORT,
    sandboxPort: raw.SANDBOX_PORT,
    sandboxUrl,
    databaseUrl: raw.DATABASE_URL,
    appBaseUrl: raw.APP_BASE_URL ?? `http://localhost:${raw.PORT}`,
    trustedProxyHops: raw.TRUSTED_PROXY_HOPS,
    modes,
    anyLive,
    /** Each vendor's mode and variables as set (lib/vendors/config.ts turns them into settings). */
    vendors,
    get authSecret() { return secret("AUTH_SECRET"); },
    get piiEncryptionKey() { return secret("PII_ENCRYPTION_KEY"); },
    get piiIndexKey() { return secret("PII_INDEX_KEY"); },
    get fileUrlSecret() { return secret("FILE_URL_SECRET"); },
    raw,
    generated,
  };
}

export type AppEnv = ReturnType<typeof resolve>;

let cached: AppEnv | undefined;

/** The parsed configuration. Throws `ConfigError` with a message naming what is wrong. */
export function env(): AppEnv {
  cached ??= resolve(process.env);
  return cached;
}

/**
 * Start-up check (scripts/start.ts, the worker): everything `env()` checks, plus every secret
 * present and well-formed, so a bad configuration stops start-up naming the variable instead
 * of failing the first request. `next build` does not call it: building needs no secrets.
 */
export function assertStartupConfig(): AppEnv {
  const e = env();
  void [e.authSecret, e.piiEncryptionKey, e.piiIndexKey, e.fileUrlSecret];
  return e;
}

/** For tests that change process.env between cases. */
export function resetEnvCache() {
  cached = undefined;
}
