"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { formatYuan } from "@/lib/money";
import { REDACTED } from "@/lib/pii/mask";
import type { ScoreView } from "@/lib/risk-scores/score-view";

/** The applicant as the vendor saw them, masked: enough to recognise the person, not to copy them. */
export function ProfileSummary({ view }: { view: ScoreView }) {
  const t = useTranslations("riskScores.profile");
  const p = view.profile;
  const contact = (name: string | null, relation: string, phone: string) => t("contactValue", { name: name ?? REDACTED, relation, phone });
  const items: [string, string | null][] = [
    [t("realName"), p.realNameMasked],
    [t("idNumber"), p.idNumberMasked],
    [t("mobile"), p.mobileMasked],
    [t("contact1"), contact(p.name1Masked, p.relation1, p.phone1Masked)],
    [t("contact2"), contact(p.name2Masked, p.relation2, p.phone2Masked)],
    [t("channelId"), p.channelId],
    [t("loanDays"), t("loanDaysValue", { days: p.loanDays })],
    [t("amount"), p.consumeAmountFen === null ? null : formatYuan(p.consumeAmountFen)],
    [t("bankCard"), p.cardNumMasked],
  ];
  return (
    <div className="space-y-4">
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        {items.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-muted-foreground">{label}</dt>
            <dd className="font-medium break-all">{value ?? "—"}</dd>
          </div>
        ))}
      </dl>
      {view.pretrialOrderId && (
        <Link href={`/pretrial/${view.pretrialOrderId}`} className="text-sm text-primary underline-offset-4 hover:underline" data-testid="pretrial-link">
          {t("pretrialLink")}
        </Link>
      )}
    </div>
  );
}
