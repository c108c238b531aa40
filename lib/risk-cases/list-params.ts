import { parseAsString, parseAsStringLiteral } from "nuqs/server";
import { endOfDay, startOfDay } from "@/lib/format/dates";
import { parseAsDay } from "@/lib/list/day-param";
import { createTableSearchParams, type TableState } from "@/lib/list/search-params";
import { RISK_CASE_SORTABLE } from "./sort";

export const RISK_CASE_STATUSES = ["NEW", "INVESTIGATING", "WAITING", "CLOSED"] as const;
export type RiskCaseStatusValue = (typeof RISK_CASE_STATUSES)[number];
export const RISK_CASE_CONCLUSIONS = ["CONFIRMED_RISK", "NO_RISK", "RECTIFIED", "DUPLICATE", "OTHER"] as const;
/** `snoozed`: absent = hide cases snoozed until later (the default desk), `yes` = only those, `all` = both; `no` is the default spelled out. */
export const SNOOZED_VIEWS = ["yes", "no", "all"] as const;
/** `escalated`: `yes` = every open escalated case, `me` = those escalated to me (admins' to-do). */
export const ESCALATED_VIEWS = ["yes", "me"] as const;

/**
 * The case list's URL state. Vendor fields: case number (prefix), merchant number (exact) and
 * name (substring), agent number, rule, type, audit status, flow node, deal way, province /
 * city, created-time days. Ours: status (the tabs), assignee (a user id or `none`), mine,
 * snoozed, escalated, flagged (failed the schema). Cases snoozed until a later time are hidden
 * unless `snoozed` asks for them; they come back by themselves once the time passes (the
 * condition compares with the clock, no job wakes them).
 */
export const riskCaseList = createTableSearchParams({
  sortable: RISK_CASE_SORTABLE,
  defaultSort: "createTime.desc",
  filters: {
    status: parseAsStringLiteral(RISK_CASE_STATUSES),
    caseNo: parseAsString,
    mercNum: parseAsString,
    merc: parseAsString,
    agentNo: parseAsString,
    rule: parseAsString,
    type: parseAsString,
    audit: parseAsString,
    node: parseAsString,
    deal: parseAsString,
    prov: parseAsString,
    city: parseAsString,
    from: parseAsDay,
    to: parseAsDay,
    assignee: parseAsString,
    mine: parseAsStringLiteral(["yes"] as const),
    snoozed: parseAsStringLiteral(SNOOZED_VIEWS),
    escalated: parseAsStringLiteral(ESCALATED_VIEWS),
    flagged: parseAsStringLiteral(["yes"] as const),
  },
});
export type TRiskCaseListParams = TableState<typeof riskCaseList>;

export type RiskCaseFilters = {
  status?: RiskCaseStatusValue | null;
  caseNo?: string | null;
  mercNum?: string | null;
  merc?: string | null;
  agentNo?: string | null;
  rule?: string | null;
  type?: string | null;
  audit?: string | null;
  node?: string | null;
  deal?: string | null;
  prov?: string | null;
  city?: string | null;
  from?: Date | null;
  to?: Date | null;
  /** A user id, or `none` for unassigned. */
  assignee?: string | null;
  mine?: boolean;
  /** `no` (or absent) hides cases snoozed until a later time; `yes` only those; `all` both. */
  snoozed?: (typeof SNOOZED_VIEWS)[number] | null;
  /** `yes` every open escalated case, `me` those escalated to the user; legacy `true` = `yes`. */
  escalated?: (typeof ESCALATED_VIEWS)[number] | boolean | null;
  flagged?: boolean;
  /** Older than this (the home card's "> 7 days"). */
  createdBefore?: Date | null;
  /** Open = not closed (the home card). */
  open?: boolean;
};

const clean = (v: string | null | undefined) => (v && v.trim() ? v.trim().slice(0, 100) : null);

/** URL state → query filters; shared by the list page, the export route and saved filters. */
export function toRiskCaseFilters(p: TRiskCaseListParams): RiskCaseFilters {
  return {
    status: p.status,
    caseNo: clean(p.caseNo),
    mercNum: clean(p.mercNum),
    merc: clean(p.merc),
    agentNo: clean(p.agentNo),
    rule: clean(p.rule),
    type: clean(p.type),
    audit: clean(p.audit),
    node: clean(p.node),
    deal: clean(p.deal),
    prov: clean(p.prov),
    city: clean(p.city),
    from: startOfDay(p.from),
    to: endOfDay(p.to),
    assignee: clean(p.assignee),
    mine: p.mine === "yes",
    snoozed: p.snoozed,
    escalated: p.escalated,
    flagged: p.flagged === "yes",
  };
}

/** Filters with a closed set of values (or a day): a value outside it cannot be applied. */
const CLOSED_FILTERS = ["status", "mine", "snoozed", "escalated", "flagged", "from", "to"] as const;

/**
 * The filter values in the URL that the list could not apply (`status=BOGUS`, `from=2026-13-45`):
 * the page says they were ignored instead of silently showing an unfiltered list. Free-text
 * filters are never "unknown": a value nobody has simply matches nothing (an empty list).
 */
export function ignoredFilterValues(raw: Record<string, string | string[] | undefined>, parsed: TRiskCaseListParams): { key: string; value: string }[] {
  return CLOSED_FILTERS.flatMap((key) => {
    const value = Array.isArray(raw[key]) ? raw[key][0] : raw[key];
    return value && parsed[key] === null ? [{ key, value: value.slice(0, 40) }] : [];
  });
}
