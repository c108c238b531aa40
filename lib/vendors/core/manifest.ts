/**
 * What a vendor is, as data: its name (also its sandbox mount), the environment variables
 * it reads, which of them switch it to live and which live mode cannot do without, the
 * credentials its sandbox twin and the console share in sandbox mode, and its timeout.
 * Pure: no server-only imports, so the console (lib/env.ts, lib/vendors/config.ts), the
 * sandbox (a separate process) and scripts all read the same manifest.
 */
export type VendorMode = "sandbox" | "live";
export type EnvSource = Readonly<Record<string, string | undefined>>;

export type VendorManifest<Key extends string = string, Name extends string = string, EnvKey extends string = string> = {
  /** The console's key for the vendor (`env().vendors.<key>`). */
  readonly key: Key;
  /** Kebab-case name: log field `vendor`, sandbox mount `/<name>`, `VendorError.vendor`. */
  readonly name: Name;
  readonly title: string;
  /** Per-vendor mode switch; `VENDOR_MODE` applies when it is unset. */
  readonly modeVariable: string;
  /** Every variable the vendor reads (design.md §1). */
  readonly env: readonly EnvKey[];
  /** The connection credentials: all set (and no mode variable) means live. */
  readonly liveWhen: readonly EnvKey[];
  /** Live mode refuses to start without these, naming the first missing ones. */
  readonly requiredLive: readonly EnvKey[];
  /**
   * Sandbox mode: the value used for a variable that is not set, by both the console and the
   * twin. A variable that is set wins on both sides (design.md §1). They open nothing but the
   * local sandbox, so they are constants. Key pairs are not here: the sandbox generates them.
   */
  readonly sandboxCredentials: Readonly<Partial<Record<EnvKey, string>>>;
  /** Per attempt, body included. */
  readonly timeoutMs: number;
};

export function defineVendorManifest<const M extends VendorManifest>(manifest: M): M {
  return manifest;
}

/** A variable's value, trimmed; empty means unset (`X=` in a .env file). */
export function envValue(source: EnvSource, key: string): string | undefined {
  const value = source[key]?.trim();
  return value ? value : undefined;
}

/** The vendor's variables as set, empty ones dropped. */
export function vendorValues<K extends string>(manifest: VendorManifest<string, string, K>, source: EnvSource): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const key of manifest.env) {
    const value = envValue(source, key);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

export class ManifestConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ManifestConfigError";
  }
}

function modeValue(source: EnvSource, variable: string): VendorMode | undefined {
  const value = envValue(source, variable);
  if (value === undefined || value === "sandbox" || value === "live") return value;
  throw new ManifestConfigError(`${variable} must be "sandbox" or "live", got "${value}".`);
}

/**
 * The mode: `<VENDOR>_MODE`, else `VENDOR_MODE`, else live when every `liveWhen` credential is
 * set and sandbox otherwise (design.md §1: sandbox is the default without credentials).
 */
export function decideMode(manifest: VendorManifest, source: EnvSource): VendorMode {
  const explicit = modeValue(source, manifest.modeVariable) ?? modeValue(source, "VENDOR_MODE");
  if (explicit) return explicit;
  return manifest.liveWhen.every((k) => envValue(source, k) !== undefined) ? "live" : "sandbox";
}

/** The `requiredLive` variables that are not set. */
export function missingForLive(manifest: VendorManifest, source: EnvSource): string[] {
  return manifest.requiredLive.filter((k) => envValue(source, k) === undefined);
}

/**
 * Sandbox mode: each shared credential as the environment sets it, else the manifest's
 * constant. The console and the twin both call this, so they cannot disagree.
 */
export function sandboxCredentialsInForce<K extends string>(manifest: VendorManifest<string, string, K>, source: EnvSource): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const [key, fallback] of Object.entries(manifest.sandboxCredentials) as [K, string][]) {
    out[key] = envValue(source, key) ?? fallback;
  }
  return out;
}
