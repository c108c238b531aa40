/** The fields of the new-order form, in the order they appear (the first bad one gets focus). */
export const ORDER_FORM_FIELDS = ["customerName", "mobile", "idNumber", "dealerName", "photoFront", "photoBack"] as const;
export type OrderFormField = (typeof ORDER_FORM_FIELDS)[number];
