import { parseBeijingDateTime } from "@/lib/format/dates";
import { parseYuan } from "@/lib/money";
import { isValidBankCard, isValidIdNumber, isValidMobile } from "@/lib/pii/id-card";
import { z } from "@/lib/validation";

const optionalText = (max = 200) => z.string().trim().max(max).optional().transform((v) => v || undefined);
const mobile = z.string().trim().min(1, "required").refine(isValidMobile, "mobile");
/** A form date-time, Beijing wall-clock time whatever the server's TZ (design.md §3). */
const optionalBeijingTime = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? parseBeijingDateTime(v) : undefined))
  .refine((d) => d === undefined || !Number.isNaN(d.getTime()), "invalid_format");
const optionalMobile = z.string().trim().optional().transform((v) => v || undefined).refine((v) => v === undefined || isValidMobile(v), "mobile");

/** Operator-report providers the document lists (loan_type). */
export const LOAN_TYPES = ["mx", "dhb", "xjmh", "jxl", "r360", "bqs"] as const;

/**
 * The applicant profile form (design: the document's customer_info, customer_extra_info,
 * channel, customer_bank_info, consume_info, loan_days, loan_type). The operator report is a
 * JSON file beside these fields.
 */
export const ZRiskProfileInput = z.object({
  pretrialOrderId: optionalText(40),
  realName: z.string().trim().min(1, "required").max(32),
  idNumber: z.string().trim().toUpperCase().min(1, "required").refine((v) => isValidIdNumber(v), "idNumber"),
  mobile,
  nation: optionalText(16),
  birthplace: optionalText(200),
  deviceId: optionalText(100),
  appType: z.enum(["1", "3"]).optional().or(z.literal("").transform(() => undefined)),
  phoneType: optionalText(50),
  userAddress: z.string().trim().min(1, "required").max(200),
  companyName: optionalText(100),
  companyPhone: optionalText(20),
  companyAddress: optionalText(200),
  relation1: z.string().trim().min(1, "required").max(16),
  name1: z.string().trim().min(1, "required").max(32),
  phone1: mobile,
  relation2: z.string().trim().min(1, "required").max(16),
  name2: z.string().trim().min(1, "required").max(32),
  phone2: mobile,
  channelId: z.string().trim().min(1, "required").max(50),
  channelKind: z.enum(["NATURAL", "REFERRAL"]),
  cardUserName: optionalText(32),
  reservedMobile: optionalMobile,
  gateId: optionalText(16),
  cardNum: z.string().trim().optional().transform((v) => v?.replace(/\s+/g, "") || undefined).refine((v) => v === undefined || isValidBankCard(v), "bankCard"),
  consumeAmount: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      try {
        const fen = parseYuan(v);
        if (fen <= 0) throw new Error("range");
        return fen;
      } catch {
        ctx.addIssue({ code: "custom", message: "amount" });
        return z.NEVER;
      }
    }),
  /** consume_info.add_time: when the order was made. */
  consumeAt: optionalBeijingTime,
  /** customer_info.add_time: when the customer registered; defaults to the order's creation. */
  registeredAt: optionalBeijingTime,
  loanDays: z.coerce.number().refine((v) => v === 7 || v === 28, "loanDays").default(7),
  loanType: z.enum(LOAN_TYPES).default("mx"),
});
export type TRiskProfileInput = z.infer<typeof ZRiskProfileInput>;

export const ZProfileIdInput = z.object({ profileId: z.string().min(1) });
export const ZRequestIdInput = z.object({ requestId: z.string().min(1) });
/** A blank box must be an error, never 0 (which would pass everyone). Scores run about 300–850. */
const cutoff = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int().min(300).max(900));
export const ZCutoffsInput = z.object({ NATURAL: cutoff, REFERRAL: cutoff });
