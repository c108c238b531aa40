import "server-only";
import { defineInboundEvent } from "@/lib/inbox/define-event";
import { jsonBody } from "@/lib/inbox/parse-body";
import { wanwangCallback } from "@/lib/vendors/wanwang/callback";
import { ZPretrialResultCallback } from "@/lib/vendors/wanwang/schemas";
import { parsePersonReport, toPlatformList } from "@/lib/vendors/wanwang/transform";

// Hoisted: a generic call inside the definition would leave the parsed type `unknown`.
const parse = jsonBody(ZPretrialResultCallback);

/**
 * `pretrialResult`: the final answer — customer level, pass/fail, report, capital providers;
 * one per order. The report is parsed here (both its forms), the rest is applied by
 * `pretrial_apply_result` → `pretrial_record_result`, which resultQuery uses too.
 */
export const wanwangPretrialResult = defineInboundEvent({
  ...wanwangCallback,
  eventType: "pretrial-result",
  parse,
  key: (cb) => `${cb.outsideOrderId}:result`,
  sql: (cb) => ({
    fn: "pretrial_apply_result",
    args: {
      outsideOrderId: cb.outsideOrderId,
      querySn: cb.querySn,
      customerLevel: cb.customerLevel,
      pretrialStatus: cb.pretrialStatus,
      personReportRaw: cb.personReport,
      personReport: parsePersonReport(cb.personReport),
      platformData: toPlatformList(cb.platformData),
    },
  }),
});
