"use client";

import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { NativeSelect } from "@/components/ui/native-select";
import { establishProjectAction, startGatewayAction } from "@/lib/custody/operation-actions";
import { REPAYMENT_WAYS, type LanmaoRepaymentWay } from "@/lib/vendors/lanmao/enums";
import { OpField, OpForm } from "./op-form";

type GatewayService = "PERSONAL_REGISTER" | "RECHARGE" | "WITHDRAW";

/** §5.3.17's repayment ways, labelled in the UI language (messages custody.repaymentWays). */
const REPAYMENT_WAY_CODES = Object.keys(REPAYMENT_WAYS) as LanmaoRepaymentWay[];

/** Finance starts a customer's step at 联银通 (the page opens in a new tab) or creates a project. */
export function OperationsPanel() {
  const t = useTranslations("custody.ops");
  const tc = useTranslations("custody");
  const [service, setService] = useState<GatewayService>("PERSONAL_REGISTER");
  const gateway = useAction(startGatewayAction);
  const project = useAction(establishProjectAction);
  return (
    <Card data-testid="custody-operations">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        <OpForm
          testId="op-gateway"
          title={t(service)}
          submit={t("start")}
          pending={gateway.isPending}
          error={gateway.result.serverError}
          onSubmit={(d) => gateway.execute({ ...d, service } as Parameters<typeof gateway.execute>[0])}
          result={
            gateway.result.data && (
              <a className="text-primary underline" href={gateway.result.data.href} target="_blank" rel="noreferrer" data-testid="op-open-gateway">
                {t("open")} ({gateway.result.data.requestNo})
              </a>
            )
          }
        >
          <label className="flex flex-col gap-1 text-sm">
            <span className="text-muted-foreground">{t("service")}</span>
            <NativeSelect value={service} onChange={(e) => { setService(e.target.value as GatewayService); gateway.reset(); }} data-testid="op-service">
              {(["PERSONAL_REGISTER", "RECHARGE", "WITHDRAW"] as const).map((s) => (
                <option key={s} value={s}>
                  {t(s)}
                </option>
              ))}
            </NativeSelect>
          </label>
          <OpField name="platformUserNo" label={t("platformUserNo")} />
          {service === "PERSONAL_REGISTER" && (
            <>
              <OpField name="realName" label={t("realName")} />
              <OpField name="idCardNo" label={t("idCardNo")} />
              <OpField name="mobile" label={t("mobile")} />
              <OpField name="bankcardNo" label={t("bankcardNo")} />
            </>
          )}
          {service !== "PERSONAL_REGISTER" && <OpField name="amount" label={t("amount")} />}
          {service === "RECHARGE" && <OpField name="bankcode" label={t("bankcode")} defaultValue="ICBK" />}
        </OpForm>
        <OpForm
          testId="op-new-project"
          title={t("newProject")}
          submit={t("create")}
          pending={project.isPending}
          error={project.result.serverError}
          onSubmit={(d) => project.execute(d as Parameters<typeof project.execute>[0])}
          result={project.result.data && <span className="text-muted-foreground">{t("created")}</span>}
        >
          <OpField name="projectNo" label={t("projectNo")} />
          <OpField name="borrower" label={t("borrower")} />
          <OpField name="name" label={t("name")} />
          <OpField name="amount" label={t("amount")} testId="op-project-amount" />
          <OpField name="annualRate" label={t("annualRate")} defaultValue="0.1" />
          <label className="flex min-w-0 flex-col gap-1 text-sm">
            <span className="text-muted-foreground">{t("repaymentWay")}</span>
            <NativeSelect name="repaymentWay" defaultValue="ONE_TIME_SERVICING" data-testid="op-repaymentWay">
              {REPAYMENT_WAY_CODES.map((w) => (
                <option key={w} value={w}>
                  {tc(`repaymentWays.${w}`)}
                </option>
              ))}
            </NativeSelect>
          </label>
        </OpForm>
      </CardContent>
    </Card>
  );
}
