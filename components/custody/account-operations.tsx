"use client";

import { useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { accountStepAction, bindCardAction, posRechargeAction, proposeCancelPreAction, proposeFreezeAction, proposeUnfreezeAction } from "@/lib/custody/form-actions";
import { proposeReversalAction } from "@/lib/ledger/reversal-actions";
import { formatYuan } from "@/lib/money";
import { CustodyForm } from "./custody-form";

export type OpenHold = { holdNo: string; kind: string; bizType: string | null; remaining: number };

/**
 * What finance may do with one account, as the account's state allows: bind a card while none
 * is bound, unbind one (the service refuses unless the balance is zero), reset the password;
 * freeze while money is available, unfreeze an open freeze, cancel an open pre-transaction —
 * those three through a second finance user's approval — and reverse one of the account's
 * ledger transactions (a correction, with a reason; also approved by a second person).
 */
export function AccountOperations({ platformUserNo, userType, cardBound, available, holds, transactions }: { platformUserNo: string; userType: string; cardBound: boolean; available: number; holds: OpenHold[]; transactions: { id: string; label: string }[] }) {
  const t = useTranslations("custody.ops");
  const fixed = { platformUserNo };
  const freezes = holds.filter((h) => h.kind === "FREEZE");
  const pres = holds.filter((h) => h.kind !== "FREEZE");
  const option = (h: OpenHold) => ({ value: h.holdNo, label: `${h.holdNo} · ${h.bizType ?? h.kind} · ${formatYuan(h.remaining)}` });
  return (
    <Card data-testid="account-operations">
      <CardHeader>
        <CardTitle>{t("accountOps")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        {!cardBound && userType !== "ENTERPRISE" && (
          <CustodyForm testId="op-bind-personal" title={t("bindPersonal")} submit={t("start")} schema="ZPersonalBindForm" fixed={{ ...fixed, kind: "PERSONAL" }} action={bindCardAction}
            fields={[{ name: "mobile", label: t("mobile"), inputMode: "tel" }, { name: "bankcardNo", label: t("bankcardNo"), inputMode: "numeric" }]} />
        )}
        {!cardBound && userType === "ENTERPRISE" && (
          <CustodyForm testId="op-bind-enterprise" title={t("bindEnterprise")} submit={t("start")} schema="ZEnterpriseBindForm" fixed={{ ...fixed, kind: "ENTERPRISE" }} action={bindCardAction}
            fields={[{ name: "bankcardNo", label: t("bankcardNo"), inputMode: "numeric" }, { name: "bankcode", label: t("bankcode"), defaultValue: "ICBK" }]} />
        )}
        {cardBound && (
          <CustodyForm testId="op-unbind" title={t("unbind")} description={t("unbindRule")} submit={t("start")} schema="ZAccountOnlyForm" fixed={{ ...fixed, service: "UNBIND_BANKCARD" }} action={accountStepAction} fields={[]} />
        )}
        <CustodyForm testId="op-pos-recharge" title={t("posRecharge")} description={t("posRechargeRule")} submit={t("start")} schema="ZPosRechargeForm" fixed={fixed} action={posRechargeAction}
          fields={[{ name: "amount", label: t("posAmount"), inputMode: "decimal" }]} />
        <CustodyForm testId="op-reset-password" title={t("resetPassword")} submit={t("start")} schema="ZAccountOnlyForm" fixed={{ ...fixed, service: "RESET_PASSWORD" }} action={accountStepAction} fields={[]} />
        {available > 0 && (
          <CustodyForm testId="op-freeze" title={t("freeze")} description={t("availableNow", { amount: formatYuan(available) })} submit={t("propose")} schema="ZFreezeForm" fixed={fixed} action={proposeFreezeAction}
            fields={[{ name: "amount", label: t("amount"), inputMode: "decimal" }]} />
        )}
        {freezes.length > 0 && (
          <CustodyForm testId="op-unfreeze" title={t("unfreeze")} submit={t("propose")} schema="ZUnfreezeForm" fixed={fixed} action={proposeUnfreezeAction}
            fields={[{ name: "oriRequestNo", label: t("freezeNo"), options: freezes.map(option) }]} />
        )}
        {pres.length > 0 && (
          <CustodyForm testId="op-cancel-pre" title={t("cancelPre")} submit={t("propose")} schema="ZCancelPreForm" fixed={fixed} action={proposeCancelPreAction}
            fields={[{ name: "preTransactionNo", label: t("preNo"), options: pres.map(option) }, { name: "amount", label: t("amount"), inputMode: "decimal" }]} />
        )}
        {transactions.length > 0 && (
          <CustodyForm testId="op-reversal" title={t("reversal")} description={t("reversalRule")} submit={t("propose")} schema="ZReversalForm" action={proposeReversalAction}
            fields={[{ name: "transactionId", label: t("ledgerTransaction"), options: transactions.map((x) => ({ value: x.id, label: x.label })) }, { name: "reason", label: t("reason") }]} />
        )}
      </CardContent>
    </Card>
  );
}
