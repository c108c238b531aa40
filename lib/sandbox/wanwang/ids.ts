import { randomInt } from "node:crypto";

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
/** MyBatis-Plus IdWorker's epoch: its snowflake ids are the 19-digit `signLinkId`s of the document. */
const SNOWFLAKE_EPOCH_MS = 1_288_834_974_657n;

/** `yyyyMMdd` in Beijing time: the vendor numbers orders by its own calendar day. */
export function beijingDay(ms: number): string {
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, "");
}

function fiveDigits(): string {
  return String(randomInt(0, 100_000)).padStart(5, "0");
}

/**
 * `ZX` + yyyyMMdd + 5 digits (document: `ZX2025102942055`). Random rather than sequential,
 * as the vendor's numbers look; `taken` rejects a collision within the day.
 */
export function newQuerySn(now: number, taken: (candidate: string) => boolean): string {
  for (;;) {
    const candidate = `ZX${beijingDay(now)}${fiveDigits()}`;
    if (!taken(candidate)) return candidate;
  }
}

/** `MK` + yyyyMMdd + 5 digits: the batch id a `wechatShare` callback carries. */
export function newMarkId(now: number): string {
  return `MK${beijingDay(now)}${fiveDigits()}`;
}

/** A 19-digit snowflake id (timestamp << 22 | 22 random bits), like `1983427511380934657`. */
export function newSignLinkId(now: number, taken: (candidate: string) => boolean): string {
  for (;;) {
    const id = ((BigInt(now) - SNOWFLAKE_EPOCH_MS) << 22n) | BigInt(randomInt(0, 1 << 22));
    const candidate = id.toString().padStart(19, "1");
    if (!taken(candidate)) return candidate;
  }
}
