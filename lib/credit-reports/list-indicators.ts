import type { Indicators } from "./indicators/compute";

/** The few figures the list shows and exports, kept on the row when recognition finishes. */
export type ListIndicators = {
  queries3m: number | null;
  overdueAccounts: number;
  overdueAmountFen: number;
  worstStatus24m: string | null;
  cardUtilisationBp: number | null;
  totalDebtFen: number;
  flags: string[];
};

export function listIndicators(i: Indicators): ListIndicators {
  const q = i.queries;
  return {
    queries3m: q ? q.loanApproval[3] + q.cardApproval[3] + q.guaranteeCheck[3] : null,
    overdueAccounts: i.currentOverdue.accounts,
    overdueAmountFen: i.currentOverdue.amountFen,
    worstStatus24m: i.worstStatus24m,
    cardUtilisationBp: i.cardUtilisationBp,
    totalDebtFen: i.totalDebtFen,
    flags: Object.entries(i.flags).filter(([, on]) => on).map(([k]) => k),
  };
}
