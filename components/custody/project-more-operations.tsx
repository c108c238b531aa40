"use client";

import { useTranslations } from "next-intl";
import { proposeCompensatoryAction, proposePlatformPreAction, proposeProjectAmountAction } from "@/lib/custody/form-actions";
import { startGatewayAction } from "@/lib/custody/operation-actions";
import { CustodyForm, DebtTransferForm } from "./custody-form";

/**
 * The project operations beyond tender, loan and repayment, as the state allows (§2.11):
 * collecting — change the amount (R5); repaying — a buyer's credit-assignment pre-transaction
 * and the debt-transfer confirmation (§2.18), a compensatory pre-transaction (guarantor at
 * 联银通, or the platform's compensatory account) and its confirmation (§2.17). Confirmations
 * and platform pre-transactions go through a second finance user's approval.
 */
export function ProjectMoreOperations({ projectNo, status }: { projectNo: string; status: string }) {
  const t = useTranslations("custody.ops");
  const yuan = (name: string, label: string) => ({ name, label, inputMode: "decimal" as const });
  if (status === "COLLECTING")
    return (
      <CustodyForm testId="op-project-amount" title={t("projectAmount")} description={t("projectAmountRule")} submit={t("propose")} schema="ZModifyAmountForm" fixed={{ projectNo }} action={proposeProjectAmountAction}
        fields={[yuan("amount", t("newAmount"))]} />
    );
  if (status !== "REPAYING") return null;
  return (
    <div className="space-y-3">
      <CustodyForm testId="op-assignment-pre" title={t("assignmentPre")} submit={t("start")} schema="ZUserPreForm" fixed={{ service: "USER_PRE_TRANSACTION", bizType: "CREDIT_ASSIGNMENT", projectNo }} action={startGatewayAction}
        fields={[{ name: "platformUserNo", label: t("buyer") }, yuan("amount", t("amount"))]} />
      <DebtTransferForm projectNo={projectNo} />
      <CustodyForm testId="op-compensatory-pre" title={t("compensatoryPre")} submit={t("start")} schema="ZUserPreForm" fixed={{ service: "USER_PRE_TRANSACTION", bizType: "COMPENSATORY", projectNo }} action={startGatewayAction}
        fields={[{ name: "platformUserNo", label: t("guarantor") }, yuan("amount", t("amount"))]} />
      <CustodyForm testId="op-platform-compensatory-pre" title={t("platformCompensatoryPre")} submit={t("propose")} schema="ZPlatformPreForm" fixed={{ projectNo, account: "PLATFORM_REPAYMENT_ACCOUNT" }} action={proposePlatformPreAction}
        fields={[yuan("amount", t("amount"))]} />
      <CustodyForm testId="op-compensatory" title={t("compensatory")} submit={t("propose")} schema="ZCompensatoryForm" fixed={{ projectNo }} action={proposeCompensatoryAction}
        fields={[{ name: "preTransactionNo", label: t("compensatoryHold") }, { ...yuan("interest", t("interest")), defaultValue: "0" }]} />
    </div>
  );
}
