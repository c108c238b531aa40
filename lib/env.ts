import { z } from "zod";
import { readSandboxSecrets } from "@/lib/secrets";

/**
 * The one place configuration is read (house-style rule 9). Parsed lazily on first use so
 * `next build` needs no secrets; a missing secret in live mode is a start-up error naming
 * the variable (design.md §1).
 */

export const VENDORS = ["wanwang", "riskScore", "riskCase", "deepfinch", "lanmao"] as const;
export type VendorKey = (typeof VENDORS)[number];
export type VendorMode = "sandbox" | "live";

const optional = z.string().trim().min(1).optional();

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
  VENDOR_MODE: z.enum(["sandbox", "live"]).optional(),
  WANWANG_MODE: z.enum(["sandbox", "live"]).optional(),
  WANWANG_BASE_URL: optional,
  WANWANG_TOKEN_URL: optional,
  WANWANG_CLIENT_ID: optional,
  WANWANG_CLIENT_SECRET: optional,
  WANWANG_COMPANY: optional,
  WANWANG_CHANNEL: optional,
  WANWANG_SOCIAL_CREDIT_CODE: optional,
  WANWANG_CREDIT_TYPE: z.coerce.number().int().default(6),
  WANWANG_CALLBACK_TOKEN: optional,
  RISK_SCORE_MODE: z.enum(["sandbox", "live"]).optional(),
  RISK_SCORE_BASE_URL: optional,
  RISK_SCORE_PARTNER_ID: optional,
  RISK_SCORE_SECRET: optional,
  RISK_CASE_MODE: z.enum(["sandbox", "live"]).optional(),
  RISK_CASE_URL: optional,
  RISK_CASE_ACCESS_ID: optional,
  RISK_CASE_SECRET: optional,
  DEEPFINCH_MODE: z.enum(["sandbox", "live"]).optional(),
  DEEPFINCH_BASE_URL: optional,
  DEEPFINCH_API_ID: optional,
  DEEPFINCH_API_SECRET: optional,
  LANMAO_MODE: z.enum(["sandbox", "live"]).optional(),
  LANMAO_BASE_URL: optional,
  LANMAO_PLATFORM_NO: optional,
  LANMAO_KEY_SERIAL: optional,
  LANMAO_PRIVATE_KEY: optional,
  LANMAO_PUBLIC_KEY: optional,
});

type RawEnv = z.infer<typeof ZEnv>;

/** Credentials whose presence switches a vendor to live unless its mode says otherwise. */
const VENDOR_CREDENTIALS: Record<VendorKey, { mode: keyof RawEnv; required: (keyof RawEnv)[] }> = {
  wanwang: {
    mode: "WANWANG_MODE",
    required: ["WANWANG_BASE_URL", "WANWANG_TOKEN_URL", "WANWANG_CLIENT_ID", "WANWANG_CLIENT_SECRET", "WANWANG_COMPANY", "WANWANG_CALLBACK_TOKEN"],
  },
  riskScore: { mode: "RISK_SCORE_MODE", required: ["RISK_SCORE_BASE_URL", "RISK_SCORE_PARTNER_ID", "RISK_SCORE_SECRET"] },
  riskCase: { mode: "RISK_CASE_MODE", required: ["RISK_CASE_URL", "RISK_CASE_ACCESS_ID", "RISK_CASE_SECRET"] },
  deepfinch: { mode: "DEEPFINCH_MODE", required: ["DEEPFINCH_BASE_URL", "DEEPFINCH_API_ID", "DEEPFINCH_API_SECRET"] },
  lanmao: {
    mode: "LANMAO_MODE",
    required: ["LANMAO_BASE_URL", "LANMAO_PLATFORM_NO", "LANMAO_KEY_SERIAL", "LANMAO_PRIVATE_KEY", "LANMAO_PUBLIC_KEY"],
  },
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

function vendorMode(raw: RawEnv, vendor: VendorKey): VendorMode {
  const spec = VENDOR_CREDENTIALS[vendor];
  const explicit = (raw[spec.mode] as VendorMode | undefined) ?? raw.VENDOR_MODE;
  if (explicit) return explicit;
  return spec.required.every((k) => raw[k] !== undefined) ? "live" : "sandbox";
}

function resolve(source: NodeJS.ProcessEnv) {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Invalid configuration: ${issue?.path.join(".")} — ${issue?.message}`);
  }
  const raw = parsed.data;
  const modes = Object.fromEntries(VENDORS.map((v) => [v, vendorMode(raw, v)])) as Record<VendorKey, VendorMode>;
  const anyLive = VENDORS.some((v) => modes[v] === "live");

  // Sandbox mode falls back to generated secrets; live mode must name every missing one.
  const generated = anyLive ? {} : (readSandboxSecrets() ?? {});
  const secret = (name: "AUTH_SECRET" | "PII_ENCRYPTION_KEY" | "PII_INDEX_KEY" | "FILE_URL_SECRET") => {
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
  for (const vendor of VENDORS) {
    if (modes[vendor] !== "live") continue;
    const missing = VENDOR_CREDENTIALS[vendor].required.filter((k) => raw[k] === undefined);
    if (missing.length) throw new ConfigError(`Vendor ${vendor} is live but ${missing.join(", ")} is not set.`);
  }

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

/** For tests that change process.env between cases. */
export function resetEnvCache() {
  cached = undefined;
}
