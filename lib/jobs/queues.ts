import { riskCaseManifest } from "@/lib/vendors/risk-case/manifest";
import { deepfinchManifest } from "@/lib/vendors/deepfinch/manifest";
import { riskScoreManifest } from "@/lib/vendors/risk-score/manifest";

/** A vendor's own queue is named after its manifest: `<vendor>.<job>`. */
const vendorQueue = <N extends string, J extends string>(manifest: { name: N }, job: J) => `${manifest.name}.${job}` as `${N}.${J}`;

/**
 * Every background queue, its retry policy, and the payload it carries. Queues live in
 * PostgreSQL (pg-boss), so any number of workers can share them.
 */
export const QUEUES = {
  /** Process (or re-process) one inbound vendor event from the inbox. */
  inboxProcess: { name: "inbox.process", retryLimit: 5, retryDelay: 10, retryBackoff: true },
  /** Scheduled: resubmit stuck pretrial orders, query overdue results. */
  pretrialSync: { name: "pretrial.sync", retryLimit: 0, retryDelay: 60, retryBackoff: false },
  /** Scheduled: pending risk-score requests whose next attempt is due (4001, timeouts …). */
  riskScoreRetry: { name: vendorQueue(riskScoreManifest, "retry"), retryLimit: 0, retryDelay: 60, retryBackoff: false },
  /** Scheduled: orphan uploads, expired signed-out sessions and refusal counts. */
  housekeeping: { name: "housekeeping.sweep", retryLimit: 0, retryDelay: 60, retryBackoff: false },
  /** Scheduled or manual: the risk-case window sync (incremental, resumes a failed run). */
  riskCaseSync: { name: vendorQueue(riskCaseManifest, "sync"), retryLimit: 0, retryDelay: 60, retryBackoff: false },
  /** Scheduled, slower: re-fetch open risk cases by caseNo to see later vendor-side edits. */
  riskCaseRefresh: { name: vendorQueue(riskCaseManifest, "refresh"), retryLimit: 0, retryDelay: 60, retryBackoff: false },
  /** Recognise one uploaded credit report; a rate limit or vendor 5xx is retried with backoff. */
  creditReportRecognise: { name: vendorQueue(deepfinchManifest, "recognise"), retryLimit: 5, retryDelay: 15, retryBackoff: true },
  /** Scheduled: credit reports left UPLOADED (lost enqueue or retry) are recognised. */
  creditReportSweep: { name: vendorQueue(deepfinchManifest, "sweep"), retryLimit: 0, retryDelay: 60, retryBackoff: false },
  /** Scheduled: yesterday's 联银通 reconciliation from 01:30 Beijing, until its files exist. */
  reconDaily: { name: "reconciliation.daily", retryLimit: 0, retryDelay: 60, retryBackoff: false },
  /** Scheduled: 联银通 requests without an outcome (resend / QUERY_TRANSACTION), waiting postings, expired approvals. */
  custodySync: { name: "custody.sync", retryLimit: 0, retryDelay: 60, retryBackoff: false },
} as const;

/** Cron schedules (UTC), owned by the worker. */
export const SCHEDULES: { queue: QueueName; cron: string }[] = [
  { queue: "pretrial.sync", cron: "*/2 * * * *" },
  { queue: "risk-score.retry", cron: "* * * * *" },
  { queue: "housekeeping.sweep", cron: "17 * * * *" },
  { queue: "risk-case.sync", cron: "*/10 * * * *" },
  { queue: "risk-case.refresh", cron: "41 * * * *" },
  { queue: "deepfinch.sweep", cron: "* * * * *" },
  { queue: "reconciliation.daily", cron: "*/10 17-23 * * *" },
  { queue: "custody.sync", cron: "* * * * *" },
];

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]["name"];

export type JobPayloads = {
  "inbox.process": { eventId: string };
  "pretrial.sync": Record<string, never>;
  "risk-score.retry": Record<string, never>;
  "housekeeping.sweep": Record<string, never>;
  "risk-case.sync": { trigger?: "schedule" | "manual"; userId?: string };
  "risk-case.refresh": Record<string, never>;
  "deepfinch.recognise": { reportId: string };
  "deepfinch.sweep": Record<string, never>;
  "reconciliation.daily": Record<string, never>;
  "custody.sync": Record<string, never>;
};
