"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { IdNumberHint } from "@/components/pretrial/id-number-hint";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { useLiveFieldCheck } from "@/components/forms/use-live-field-check";
import { requestRiskScoreAction } from "@/lib/risk-scores/actions";
import type { ActionServerError } from "@/lib/safe-action";
import { ChoiceField } from "./choice-field";
import { TextField } from "./text-field";

export type ProfileDefaults = { pretrialOrderId?: string; orderRef?: string; realName?: string; idNumber?: string; mobile?: string };

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Card>
    <CardHeader>
      <CardTitle className="text-base">{title}</CardTitle>
    </CardHeader>
    <CardContent className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">{children}</CardContent>
  </Card>
);

/**
 * The applicant profile the vendor pulls, then the score request. Multipart to
 * /api/risk-scores/profiles (the operator report can be large), then the request action; the
 * score page takes over from there.
 */
const loadProfileShape = () => import("@/lib/risk-scores/schemas").then((m) => m.ZRiskProfileInput.shape);

export function ProfileForm({ defaults }: { defaults: ProfileDefaults }) {
  const t = useTranslations("riskProfile");
  const tv = useTranslations("validation");
  const router = useRouter();
  const [idNumber, setIdNumber] = useState(defaults.idNumber ?? "");
  const [phase, setPhase] = useState<"idle" | "saving" | "requesting">("idle");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const fe = fieldErrors;
  const tc = useTranslations("common");
  const { formRef, onBlur, onChange, focusFirstInvalid } = useLiveFieldCheck(loadProfileShape, setFieldErrors);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (phase !== "idle") return;
    setPhase("saving");
    setFormError(null);
    try {
      const res = await fetch("/api/risk-scores/profiles", { method: "POST", body: new FormData(event.currentTarget) });
      const json = (await res.json().catch(() => ({}))) as { profileId?: string; fieldErrors?: Record<string, string[]> };
      if (!res.ok || !json.profileId) {
        // One message per field: the first the server gave.
        setFieldErrors(Object.fromEntries(Object.entries(json.fieldErrors ?? {}).map(([k, v]) => [k, v.slice(0, 1).map((m) => (tv.has(m) ? tv(m) : m))])));
        setFormError(t("submitError"));
        setPhase("idle");
        focusFirstInvalid();
        return;
      }
      setFieldErrors({});
      setPhase("requesting");
      const result = await requestRiskScoreAction({ profileId: json.profileId });
      if (result?.data) {
        router.push(`/risk-scores/${result.data.requestId}`);
        return;
      }
      setFormError((result?.serverError as ActionServerError | undefined)?.message ?? t("submitError"));
    } catch {
      setFormError(t("networkError"));
    }
    setPhase("idle");
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} onBlur={onBlur} onChange={onChange} noValidate className="min-w-0 space-y-4" data-testid="risk-profile-form">
      {formError && (
        <Alert variant="destructive">
          <AlertTitle>{formError}</AlertTitle>
          {Object.keys(fieldErrors).length > 0 && (
            <AlertDescription>
              {t("missingTitle")} {Object.keys(fieldErrors).map((k) => (t.has(k) ? t(k) : k)).join("、")}
            </AlertDescription>
          )}
        </Alert>
      )}
      {defaults.pretrialOrderId && <input type="hidden" name="pretrialOrderId" value={defaults.pretrialOrderId} />}
      <Section title={t("sectionCustomer")}>
        <TextField name="realName" required defaultValue={defaults.realName} fieldErrors={fe} />
        <FormField label={t("idNumber")} name="idNumber" required fieldErrors={fe} description={<IdNumberHint value={idNumber} />}>
          <input
            name="idNumber"
            value={idNumber}
            onChange={(e) => setIdNumber(e.target.value)}
            maxLength={18}
            autoComplete="off"
            className="h-9 w-full rounded-md border border-input bg-background px-3 font-mono text-sm shadow-xs focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
          />
        </FormField>
        <TextField name="mobile" required defaultValue={defaults.mobile} inputMode="numeric" maxLength={11} fieldErrors={fe} />
        <TextField name="nation" fieldErrors={fe} />
        <TextField name="birthplace" fieldErrors={fe} className="lg:col-span-2" />
      </Section>
      <Section title={t("sectionExtra")}>
        <TextField name="userAddress" required fieldErrors={fe} />
        <TextField name="companyName" fieldErrors={fe} />
        <TextField name="companyPhone" fieldErrors={fe} />
        <TextField name="companyAddress" fieldErrors={fe} />
      </Section>
      <Section title={t("sectionContacts")}>
        <TextField name="relation1" required hint="relationHint" fieldErrors={fe} />
        <TextField name="name1" required fieldErrors={fe} />
        <TextField name="phone1" required inputMode="numeric" maxLength={11} fieldErrors={fe} />
        <TextField name="relation2" required hint="relationHint" fieldErrors={fe} />
        <TextField name="name2" required fieldErrors={fe} />
        <TextField name="phone2" required inputMode="numeric" maxLength={11} fieldErrors={fe} />
      </Section>
      <Section title={t("sectionChannel")}>
        <TextField name="channelId" required hint="channelIdHint" fieldErrors={fe} />
        <ChoiceField name="channelKind" required defaultValue="NATURAL" options={[["NATURAL", t("NATURAL")], ["REFERRAL", t("REFERRAL")]]} fieldErrors={fe} />
        <ChoiceField name="loanDays" required defaultValue="7" options={[["7", t("days", { n: 7 })], ["28", t("days", { n: 28 })]]} fieldErrors={fe} />
        <ChoiceField name="loanType" required defaultValue="mx" options={(["mx", "dhb", "xjmh", "jxl", "r360", "bqs"] as const).map((k) => [k, t(`loanTypes.${k}`)])} fieldErrors={fe} />
        <TextField name="consumeAmount" inputMode="decimal" placeholder="1000.00" fieldErrors={fe} />
        <TextField name="consumeAt" type="datetime-local" fieldErrors={fe} />
        <TextField name="registeredAt" type="datetime-local" hint="registeredAtHint" fieldErrors={fe} />
      </Section>
      <Section title={t("sectionBank")}>
        <TextField name="cardUserName" fieldErrors={fe} />
        <TextField name="cardNum" inputMode="numeric" fieldErrors={fe} />
        <TextField name="reservedMobile" inputMode="numeric" maxLength={11} fieldErrors={fe} />
        <TextField name="gateId" hint="gateIdHint" fieldErrors={fe} />
      </Section>
      <Section title={t("sectionDevice")}>
        <TextField name="deviceId" fieldErrors={fe} />
        <ChoiceField name="appType" options={[["1", t("appTypeAndroid")], ["3", t("appTypeIos")]]} fieldErrors={fe} />
        <TextField name="phoneType" fieldErrors={fe} />
      </Section>
      <Section title={t("sectionReport")}>
        <FormField label={t("operatorReport")} name="operatorReport" required fieldErrors={fe} description={t("operatorReportHint")} className="sm:col-span-2">
          <input name="operatorReport" type="file" accept="application/json,.json" className="max-w-full min-w-0 text-sm file:mr-3 file:rounded-md file:border file:bg-secondary file:px-3 file:py-1.5 file:text-sm" />
        </FormField>
      </Section>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={phase !== "idle"} data-testid="submit-profile">
          {phase === "saving" ? t("submitting") : phase === "requesting" ? t("requesting") : t("submit")}
        </Button>
        <Button type="button" variant="outline" asChild>
          <Link href={defaults.pretrialOrderId ? `/pretrial/${defaults.pretrialOrderId}` : "/risk-scores"}>{tc("cancel")}</Link>
        </Button>
      </div>
    </form>
  );
}
