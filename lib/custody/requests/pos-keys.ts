/**
 * POS_BUILD_BARCODE reuses the POS_RECHARGE requestNo on the wire (§2.8 R1, design.md §3), but
 * custody_requests keys rows by request_no: the barcode step is logged as `<requestNo>#BARCODE`
 * ('#' never appears in a requestNo we make), the way UNFREEZE is logged as `UNFREEZE-<ori>`.
 */
export const BARCODE_SUFFIX = "#BARCODE";

export const barcodeLogKey = (requestNo: string) => `${requestNo}${BARCODE_SUFFIX}`;

/** The requestNo custody knows for a log key. */
export const wireRequestNoOf = (logKey: string) => (logKey.endsWith(BARCODE_SUFFIX) ? logKey.slice(0, -BARCODE_SUFFIX.length) : logKey);

/** The log key a verified notice settles: a barcode NOTIFY settles the barcode row. */
export const logKeyForNotice = (serviceName: string, requestNo: string) => (serviceName === "POS_BUILD_BARCODE" ? barcodeLogKey(requestNo) : requestNo);
