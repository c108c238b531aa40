import { z } from "zod";

/**
 * Wire shapes of the 万网中台 pretrial API (vendor-docs/000_7a9b6606b963043b.txt).
 * Requests are strict, because they are ours and a typo should fail before anything is sent.
 * Answers and callbacks are lenient where a Java vendor plausibly varies (numbers sent as
 * strings, null instead of a value, a list serialised into a string): refusing a valid
 * result over a cosmetic difference loses data that cannot be fetched twice.
 */

// ---------- shared building blocks ----------

/** An integer that may arrive as a JSON number or a numeric string ("1"). */
function zIntLike() {
  return z.union([
    z.number().int(),
    z
      .string()
      .trim()
      .regex(/^-?\d+$/, "expected an integer")
      .transform(Number),
  ]);
}

/** An id the document types as String but a Java Long could also serialise as a number. */
const zIdString = z.union([z.string(), z.number().int().transform(String)]);

/** Optional descriptive text of an answer: missing, null and a value all normalise to `string | null`. */
const zText = z
  .string()
  .nullish()
  .transform((v) => v ?? null);

/** `pretrialStatus`: 0 未通过, 1 通过. The netCredit table types it String, resultQuery Integer. */
export const ZPretrialStatus = zIntLike().pipe(z.union([z.literal(0), z.literal(1)]));
export type TPretrialStatus = z.output<typeof ZPretrialStatus>;

/** In an answer the status is null while the pretrial is still running; "" counts as null. */
const zPretrialStatusOrNull = z
  .union([z.literal("").transform(() => null), ZPretrialStatus])
  .nullish()
  .transform((v) => v ?? null);

// ---------- capital recommendations (platformData) ----------

export const ZPlatform = z.object({
  id: zIdString,
  platform: z.string(),
  saasPlatformCode: z.string(),
  saasPlatformName: z.string(),
  saasPlatformLabelId: zIdString,
});
export type TPlatform = z.output<typeof ZPlatform>;

/**
 * resultQuery types platformData as Array, the netCredit table as String: a serialised
 * list. Both are accepted and normalised to an array; an empty string means "none yet".
 */
export const ZPlatformList = z.preprocess((value, ctx) => {
  if (typeof value !== "string") return value;
  if (value.trim() === "") return null;
  try {
    return JSON.parse(value);
  } catch {
    ctx.issues.push({ code: "custom", message: "platformData is a string but not JSON", input: value });
    return z.NEVER;
  }
}, z.array(ZPlatform).nullable());

const zPlatformListOrNull = ZPlatformList.optional().transform((v) => v ?? null);

// ---------- requests ----------

const zHttpUrl = z.url({ protocol: /^https?$/ });

export const ZNetCreditPerson = z.strictObject({
  attach: z.strictObject({
    /** The document labels this 身份证正面 but it is the national-emblem side (design.md §3). */
    licenceBackUrl: zHttpUrl,
    /** The portrait side (document label swapped, design.md §3). */
    licenceFrontUrl: zHttpUrl,
  }),
  certificateNum: z.string().trim().min(1),
  contactPhone: z.string().trim().min(1),
  custName: z.string().trim().min(1),
  /** 1 主借人; the document says a channel always sends 1. */
  personType: z.literal(1),
});
export type TNetCreditPerson = z.infer<typeof ZNetCreditPerson>;

export const ZNetCreditRequest = z.strictObject({
  channel: z.string().trim().min(1),
  creditType: z.string().trim().min(1),
  dealersName: z.string().optional(),
  outsideOrderId: z.string().trim().min(1),
  personList: z.array(ZNetCreditPerson).min(1),
  socialCreditCode: z.string().trim().min(1),
});
export type TNetCreditRequest = z.infer<typeof ZNetCreditRequest>;

export const ZQuerySn = z.string().trim().min(1, "querySn is required");

// ---------- answers ----------

/**
 * The envelope around every answer. `msg` may be null or missing, `ok` may be missing;
 * `code` is accepted as a numeric string too. Success is decided by {@link isEnvelopeSuccess}.
 */
export function zEnvelope<T extends z.ZodType>(data: T) {
  return z.object({
    code: zIntLike(),
    msg: zText,
    data: data.nullish().transform((v) => v ?? null),
    ok: z.boolean().optional(),
  });
}

/** The envelope with `data` unchecked: read first, so a refusal is reported even if its data is odd. */
export const ZEnvelope = zEnvelope(z.unknown());
export type TEnvelope = z.output<typeof ZEnvelope>;

export function isEnvelopeSuccess(envelope: Pick<TEnvelope, "code" | "ok">): boolean {
  return envelope.code === 0 && envelope.ok !== false;
}

/** Fields netCredit and resultQuery answer alike. */
const resultFields = {
  outsideOrderId: zText,
  /** The one field nothing works without: every later call and callback is keyed by it. */
  querySn: z.string().min(1),
  idCard: zText,
  phone: zText,
  name: zText,
  licenceFrontUrl: zText,
  licenceBackUrl: zText,
  customerLevel: zText,
  pretrialStatus: zPretrialStatusOrNull,
  personReport: zText,
  platformData: zPlatformListOrNull,
  errReason: zText,
  contractUrl: zText,
};

export const ZNetCreditData = z.object(resultFields);
export type TNetCreditData = z.output<typeof ZNetCreditData>;

export const ZResultQueryData = z.object(resultFields);
export type TResultQueryData = z.output<typeof ZResultQueryData>;

/** pushOutside answers `data: true`; null is read as "not confirmed" by the client. */
export const ZPushOutsideData = z.boolean();
export type TPushOutsideData = z.output<typeof ZPushOutsideData>;

// ---------- callbacks the console receives ----------
// Every field the document marks 必填 must be present. Identifiers and the event itself
// (querySn, outsideOrderId, status, type, time) must also be non-null; descriptive fields
// may be null, because a failed pretrial plausibly has no level, report or platforms and
// answering 400 would lose the verdict.

/** Present (the key is there) but possibly null. */
const zPresentText = z.string().nullable();

export const ZPretrialResultCallback = z.object({
  customerLevel: zPresentText,
  idCard: zPresentText,
  licenceBackUrl: zPresentText,
  licenceFrontUrl: zPresentText,
  name: zPresentText,
  outsideOrderId: z.string().min(1),
  personReport: zPresentText,
  phone: zPresentText,
  platformData: ZPlatformList,
  pretrialStatus: ZPretrialStatus,
  querySn: z.string().min(1),
});
export type TPretrialResultCallback = z.output<typeof ZPretrialResultCallback>;

/** `signed.type`: 0 authorization signed, 1 PBOC report requested, 2 PBOC report pulled, 3 big-data result returned. */
export const ZSignedType = zIntLike().pipe(z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]));
export type TSignedType = z.output<typeof ZSignedType>;

export const ZSignedCallback = z.object({
  message: zPresentText,
  outsideOrderId: z.string().min(1),
  querySn: z.string().min(1),
  /** 大数据授权书是否复用: 0 no, 1 yes. */
  reuseFlag: zIntLike().pipe(z.union([z.literal(0), z.literal(1)])),
  /** Epoch milliseconds (design.md §3). */
  time: zIntLike().pipe(z.number().int().nonnegative()),
  type: ZSignedType,
  typeDesc: zPresentText,
});
export type TSignedCallback = z.output<typeof ZSignedCallback>;

export const ZErrorSyncCallback = z.object({
  message: zPresentText,
  outsideOrderId: z.string().min(1),
  querySn: z.string().min(1),
});
export type TErrorSyncCallback = z.output<typeof ZErrorSyncCallback>;

/** The share code is the whole point of this event, so its URLs are required values. */
export const ZWechatShareCallback = z.object({
  contractUrl: z.string().min(1),
  markId: z.string().min(1),
  querySn: z.string().min(1),
  wechatShareUrl: z.string().min(1),
});
export type TWechatShareCallback = z.output<typeof ZWechatShareCallback>;
