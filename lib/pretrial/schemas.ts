import { isValidIdNumber, isValidMobile } from "@/lib/pii/id-card";
import { z } from "@/lib/validation";

/** The new-order form's text fields; the two photos travel beside them in the multipart body. */
export const ZPretrialOrderInput = z.object({
  idempotencyKey: z.string().uuid(),
  customerName: z.string().trim().min(1, "required").max(32).regex(/^[\p{Script=Han}·A-Za-z ]+$/u, "customerName"),
  idNumber: z
    .string()
    .trim()
    .toUpperCase()
    .min(1, "required")
    .refine((v) => isValidIdNumber(v), "idNumber"),
  mobile: z
    .string()
    .trim()
    .min(1, "required")
    .refine((v) => isValidMobile(v), "mobile"),
  dealerName: z.string().trim().max(100).optional().transform((v) => v || undefined),
  retriedFromId: z.string().optional().transform((v) => v || undefined),
});
export type TPretrialOrderInput = z.infer<typeof ZPretrialOrderInput>;

export const ZOrderIdInput = z.object({ orderId: z.string().min(1) });
