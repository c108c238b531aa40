import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { type JobPayloads, QUEUES, type QueueName } from "./queues";

/**
 * pg-boss on the console's own PostgreSQL. The console process only sends (no supervision,
 * no scheduling); the worker process (scripts/worker.ts) owns maintenance and schedules.
 */
const globalForBoss = globalThis as unknown as { __creditopsBoss?: Promise<PgBoss> };

export function createBoss(connectionString: string, role: "sender" | "worker", overrides: Partial<PgBoss.ConstructorOptions> = {}): PgBoss {
  return new PgBoss({
    connectionString,
    schema: "pgboss",
    max: role === "worker" ? 5 : 2,
    ...(role === "sender" ? { supervise: false, schedule: false, migrate: false } : {}),
    ...overrides,
  });
}

export async function ensureQueues(boss: PgBoss) {
  for (const q of Object.values(QUEUES)) {
    const { name, ...policy } = q;
    if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, ...policy });
  }
}

async function startSender(): Promise<PgBoss> {
  const url = env().databaseUrl;
  if (!url) throw new Error("DATABASE_URL is not set");
  const boss = createBoss(url, "sender");
  boss.on("error", () => {});
  await boss.start();
  return boss;
}

export async function enqueue<Q extends QueueName>(queue: Q, payload: JobPayloads[Q], opts: { startAfterSeconds?: number; singletonKey?: string } = {}) {
  globalForBoss.__creditopsBoss ??= startSender();
  const boss = await globalForBoss.__creditopsBoss;
  return boss.send(queue, payload, { startAfter: opts.startAfterSeconds, singletonKey: opts.singletonKey });
}
