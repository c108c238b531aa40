import { z } from "zod";
import { type Fen, fromWireYuan, isFen, MoneyParseError, parseYuan, toWireYuan } from "@/lib/money";

/**
 * 联银通 amounts, type A (vendor doc 004 §1.4): yuan, two decimals, under one billion.
 * Inside the console money is integer fen (lib/money); no floating point touches it.
 * Outbound: always a JSON string with exactly two decimals ("1234.50", design.md §3).
 * Inbound: a string or a number with at most two decimals; a number is read through its
 * shortest decimal text, so 0.1 is "0.1" and never 0.1000000000000000055….
 */

/** 十亿以内: strictly below one billion yuan. */
export const MAX_LANMAO_FEN = 1_000_000_000 * 100 - 1;

export type LanmaoAmountProblem = "format" | "precision" | "negative" | "zero" | "range";

/** A refused amount; `problem` names the rule so the form can say which. Never carries the value. */
export class LanmaoAmountError extends Error {
  constructor(
    readonly problem: LanmaoAmountProblem,
    message: string,
  ) {
    super(message);
    this.name = "LanmaoAmountError";
  }
}

function checkRange(fen: Fen, label: string, moving: boolean): Fen {
  if (fen < 0) throw new LanmaoAmountError("negative", `${label} is negative`);
  if (moving && fen === 0) throw new LanmaoAmountError("zero", `${label} is zero; a money movement needs a positive amount`);
  if (fen > MAX_LANMAO_FEN) throw new LanmaoAmountError("range", `${label} is not under one billion yuan`);
  return fen;
}

/** Fen → the wire text. `moving` (default true) refuses zero too: no movement of nothing. */
export function toLanmaoAmount(fen: Fen, opts: { label?: string; moving?: boolean } = {}): string {
  const label = opts.label ?? "amount";
  if (!isFen(fen)) throw new LanmaoAmountError("format", `${label} is not a whole number of fen`);
  return toWireYuan(checkRange(fen, label, opts.moving ?? true));
}

/**
 * A wire amount received from 联银通 → fen. Refuses 3+ decimals, exponents, signs other than a
 * leading minus (then `negative`), and anything not a plain decimal. Zero is a valid balance.
 */
export function fromLanmaoAmount(value: string | number, label = "amount"): Fen {
  try {
    const fen = typeof value === "number" ? numberToFen(value) : fromWireYuan(value.trim());
    return checkRange(fen, label, false);
  } catch (e) {
    throw asAmountError(e, label);
  }
}

function numberToFen(n: number): Fen {
  if (!Number.isFinite(n)) throw new MoneyParseError("format", "not a finite number");
  const text = String(n);
  if (/e/i.test(text)) throw new MoneyParseError(Math.abs(n) < 1 ? "precision" : "range", "exponent notation");
  return fromWireYuan(text);
}

/**
 * An amount typed by a person for a money movement ("1,234.5", "¥12") → fen; refuses three
 * decimals, negative and zero with the rule named (issue 11, Bad input).
 */
export function parseMoveAmount(input: string | number, label = "amount"): Fen {
  try {
    return checkRange(parseYuan(input), label, true);
  } catch (e) {
    throw asAmountError(e, label);
  }
}

function asAmountError(e: unknown, label: string): LanmaoAmountError {
  if (e instanceof LanmaoAmountError) return e;
  if (e instanceof MoneyParseError) {
    const problem: LanmaoAmountProblem = e.code === "precision" ? "precision" : e.code === "range" ? "range" : "format";
    const why = problem === "precision" ? "has more than two decimals" : problem === "range" ? "is too large" : "is not a yuan amount such as 1234.50";
    return new LanmaoAmountError(problem, `${label} ${why}`);
  }
  return new LanmaoAmountError("format", `${label} is not a yuan amount`);
}

/** zod: an inbound type-A field (string or number) → fen. */
export const ZLanmaoAmountIn = z.union([z.string(), z.number()]).transform((v, ctx) => {
  try {
    return fromLanmaoAmount(v);
  } catch (e) {
    ctx.addIssue({ code: "custom", message: e instanceof Error ? e.message : "bad amount", params: { problem: (e as LanmaoAmountError).problem } });
    return z.NEVER;
  }
});

/** zod: fen in a request that moves money — a positive whole number under one billion yuan. */
export const ZMoveFen = z
  .number()
  .int("amount must be whole fen")
  .positive("amount must be positive: a money movement needs a positive amount")
  .max(MAX_LANMAO_FEN, "amount must be under one billion yuan");

/** zod: fen that may be zero (an optional commission, a balance). */
export const ZFenOrZero = z.number().int("amount must be whole fen").nonnegative("amount must not be negative").max(MAX_LANMAO_FEN);
