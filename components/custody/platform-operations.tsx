"use client";

import { useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { enterpriseRegisterAction, proposeMarketingAction, proposePlatformPreAction } from "@/lib/custody/form-actions";
import { CustodyForm } from "./custody-form";

/**
 * Operations on the platform's own accounts (§2.13 pre-transaction, §2.19 marketing
 * confirmation; both approved by a second finance user) and the enterprise registration (§2.2,
 * the company's representative at 联银通).
 */
export function PlatformOperations() {
  const t = useTranslations("custody.ops");
  const account = (name: string) => t(name as "platformUserNo");
  return (
    <Card data-testid="platform-operations">
      <CardHeader>
        <CardTitle>{t("platformOps")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        <CustodyForm testId="op-platform-pre" title={t("platformPre")} submit={t("propose")} schema="ZPlatformPreForm" action={proposePlatformPreAction}
          fields={[
            { name: "account", label: t("platformAccount"), options: ["PLATFORM_MARKETING_ACCOUNT", "PLATFORM_REPAYMENT_ACCOUNT"].map((v) => ({ value: v, label: account(`account_${v}`) })) },
            { name: "amount", label: t("amount"), inputMode: "decimal" },
            { name: "projectNo", label: t("projectNoOptional") },
          ]} />
        <CustodyForm testId="op-marketing" title={t("marketing")} submit={t("propose")} schema="ZMarketingForm" action={proposeMarketingAction}
          fields={[
            { name: "preTransactionNo", label: t("marketingHold") },
            { name: "payee", label: t("payee") },
            { name: "amount", label: t("amount"), inputMode: "decimal" },
          ]} />
        <CustodyForm testId="op-enterprise-register" title={t("enterpriseRegister")} submit={t("start")} schema="ZEnterpriseRegisterForm" action={enterpriseRegisterAction}
          fields={[
            { name: "platformUserNo", label: t("platformUserNo") },
            { name: "enterpriseName", label: t("enterpriseName") },
            { name: "unifiedCode", label: t("unifiedCode") },
            { name: "bankLicense", label: t("bankLicense") },
            { name: "legal", label: t("legal") },
            { name: "legalIdCardNo", label: t("legalIdCardNo") },
            { name: "contact", label: t("contact") },
            { name: "contactPhone", label: t("contactPhone"), inputMode: "tel" },
            { name: "userRole", label: t("userRole"), options: ["NORMAL", "GUARANTEECORP"].map((v) => ({ value: v, label: account(`role_${v}`) })) },
            { name: "bankcardNo", label: t("bankcardNo"), inputMode: "numeric" },
            { name: "bankcode", label: t("bankcode"), defaultValue: "ICBK" },
          ]} />
      </CardContent>
    </Card>
  );
}
