"use client";

import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { proposeConfirmLoanAction, proposeConfirmRepaymentAction, startGatewayAction } from "@/lib/custody/operation-actions";
import { OpField, OpForm } from "./op-form";

const Open = ({ href, label }: { href: string; label: string }) => (
  <a className="text-primary underline" href={href} target="_blank" rel="noreferrer" data-testid="op-open-gateway">
    {label}
  </a>
);

/** What a project's state allows, as forms: tenders and loan confirmation while collecting, repayment while repaying. */
export function ProjectOperations({ projectNo, borrower, status }: { projectNo: string; borrower: string; status: string }) {
  const t = useTranslations("custody.ops");
  const tender = useAction(startGatewayAction);
  const loan = useAction(proposeConfirmLoanAction);
  const repayPre = useAction(startGatewayAction);
  const repay = useAction(proposeConfirmRepaymentAction);
  if (status === "COLLECTING")
    return (
      <div className="space-y-3">
        <OpForm testId="op-tender" title={t("tender")} submit={t("start")} pending={tender.isPending} error={tender.result.serverError}
          onSubmit={(d) => tender.execute({ service: "USER_PRE_TRANSACTION", bizType: "TENDER", projectNo, platformUserNo: d.platformUserNo ?? "", amount: d.amount ?? "" })}
          result={tender.result.data && <Open href={tender.result.data.href} label={`${t("open")} (${tender.result.data.requestNo})`} />}>
          <OpField name="platformUserNo" label={t("investor")} />
          <OpField name="amount" label={t("amount")} />
        </OpForm>
        <OpForm testId="op-confirm-loan" title={t("confirmLoan")} submit={t("propose")} pending={loan.isPending} error={loan.result.serverError}
          onSubmit={(d) => loan.execute({ projectNo, commission: d.commission || "0" })}
          result={loan.result.data && <span className="text-muted-foreground">{t("proposed")}</span>}>
          <OpField name="commission" label={t("commission")} defaultValue="0" />
        </OpForm>
      </div>
    );
  if (status === "REPAYING")
    return (
      <div className="space-y-3">
        <OpForm testId="op-repayment-pre" title={t("repaymentPre")} submit={t("start")} pending={repayPre.isPending} error={repayPre.result.serverError}
          onSubmit={(d) => repayPre.execute({ service: "USER_PRE_TRANSACTION", bizType: "REPAYMENT", projectNo, platformUserNo: borrower, amount: d.amount ?? "" })}
          result={repayPre.result.data && <Open href={repayPre.result.data.href} label={`${t("open")} (${repayPre.result.data.requestNo})`} />}>
          <OpField name="amount" label={t("amount")} />
        </OpForm>
        <OpForm testId="op-confirm-repayment" title={t("confirmRepayment")} submit={t("propose")} pending={repay.isPending} error={repay.result.serverError}
          onSubmit={(d) => repay.execute({ projectNo, preTransactionNo: d.preTransactionNo ?? "", interest: d.interest ?? "" })}
          result={repay.result.data && <span className="text-muted-foreground">{t("proposed")}</span>}>
          <OpField name="preTransactionNo" label={t("hold")} />
          <OpField name="interest" label={t("interest")} />
        </OpForm>
      </div>
    );
  return null;
}
