/**
 * Data steps: what a migration needs done to existing rows that SQL cannot do, run after the
 * SQL migrations by `npm run db:migrate` and `npm start`. Today one: encrypting the names and
 * addresses stored in clear before migration 20261130140000 (lib/pii/clear-columns.ts).
 */
import { ConfigError, env } from "@/lib/env";
import { countClearRowsAt, encryptClearColumns, type PiiKeys } from "@/lib/pii/clear-columns";
import { parseKey } from "@/lib/pii/crypto";
import { MigrationError } from "./migrate";

/** The configured keys (environment, or the sandbox's generated secrets). */
function configuredKeys(): PiiKeys {
  const e = env();
  return { enc: parseKey(e.piiEncryptionKey), idx: parseKey(e.piiIndexKey, "PII_INDEX_KEY") };
}

export async function runDataSteps(connectionString: string, opts: { log?: (line: string) => void; keys?: () => PiiKeys } = {}) {
  const counts = await countClearRowsAt(connectionString);
  const pending = Object.values(counts).reduce((a, b) => a + b, 0);
  // Nothing in clear (a new database, or the step has run): the keys are not even needed.
  if (pending === 0) return { encrypted: {} as Record<string, number> };
  let keys: PiiKeys;
  try {
    keys = (opts.keys ?? configuredKeys)();
  } catch (error) {
    const reason = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
    throw new MigrationError(
      `${pending} row(s) still hold names or addresses in clear; encrypting them needs PII_ENCRYPTION_KEY and PII_INDEX_KEY: ${reason}`,
    );
  }
  return encryptClearColumns(connectionString, keys, { log: opts.log });
}
