/**
 * Customer names that steer an order into the vendor's error paths, so the console's
 * errorSync handling can be exercised on purpose (list in docs/sandbox-wanwang.md).
 * Names rather than ID numbers: any valid synthetic ID still works with them.
 */

/** The document's own errorSync example message. */
export const SUBJECT_MISSING_NAME = "主体不存在";
export const SUBJECT_MISSING_MESSAGE = "主体不存在,主体不存在";
/** `测试异常<message>` → errorSync `<message>` right after netCredit. */
export const ERROR_PREFIX = "测试异常";
export const ERROR_DEFAULT_MESSAGE = "系统异常";
/** `测试拉取失败…` → signed 0 and 1, then errorSync instead of the PBOC report. */
export const PULL_FAILURE_PREFIX = "测试拉取失败";
export const PULL_FAILURE_MESSAGE = "人行征信报告拉取失败";
export const DECLINE_MESSAGE = "客户拒绝签署授权书";

/** The errorSync message that replaces the signing flow for this name, or null. */
export function errorBeforeSigning(custName: string): string | null {
  const name = custName.trim();
  if (name === SUBJECT_MISSING_NAME) return SUBJECT_MISSING_MESSAGE;
  if (name.startsWith(ERROR_PREFIX)) return name.slice(ERROR_PREFIX.length).trim() || ERROR_DEFAULT_MESSAGE;
  return null;
}

/** Whether the PBOC report pull fails after this customer signed. */
export function failsReportPull(custName: string): boolean {
  return custName.trim().startsWith(PULL_FAILURE_PREFIX);
}
