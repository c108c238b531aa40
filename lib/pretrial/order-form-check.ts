import { ZPretrialOrderInput } from "./schemas";

import type { OrderFormField } from "./order-form-fields";

export { ORDER_FORM_FIELDS, type OrderFormField } from "./order-form-fields";

const TEXT_SCHEMAS = {
  customerName: ZPretrialOrderInput.shape.customerName,
  mobile: ZPretrialOrderInput.shape.mobile,
  idNumber: ZPretrialOrderInput.shape.idNumber,
  dealerName: ZPretrialOrderInput.shape.dealerName,
};

const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/**
 * One field of the new-order form, checked in the browser with the server's own schema: the
 * first problem only (a blank field says 必填, not 必填 and the format rule). A message key of
 * the `validation` namespace, or null. The server checks everything again.
 */
export function checkOrderField(field: OrderFormField, value: string | File | null, opts: { photosOptional?: boolean } = {}): string | null {
  if (field === "photoFront" || field === "photoBack") {
    const file = value instanceof File && value.size > 0 ? value : null;
    if (!file) return opts.photosOptional ? null : "photo.missing";
    if (!["image/jpeg", "image/png"].includes(file.type)) return "photo.notImage";
    if (file.size > MAX_PHOTO_BYTES) return "photo.tooLarge";
    return null;
  }
  const result = TEXT_SCHEMAS[field].safeParse(typeof value === "string" ? value : "");
  return result.success ? null : (result.error.issues[0]?.message ?? "custom");
}
