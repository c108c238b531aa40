import { ExternalLink } from "lucide-react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { describeArea, regionName } from "@/lib/regions";
import { codeName, type CodeNames } from "@/lib/risk-cases/codes";
import type { RiskCaseDetail } from "@/lib/risk-cases/detail";
import { RISK_CASE_FIELDS } from "@/lib/vendors/risk-case/schemas";
import { mapLink, splitReferOrders } from "@/lib/vendors/risk-case/transform";
import { RevealWithReason } from "./reveal-with-reason";

const CODE_FIELDS = new Set(["flowNodeKey", "auditStatus", "caseDealWay", "riskTypeCaseDealWay", "riskTypeRules", "typeNo", "createWay", "surveyWay"]);
const TIME_FIELDS = new Set(["mercCreateTime", "createTime", "surveyTime", "submitTime"]);
const PERSONAL = { legalPerson: "legalPersonMasked", legalPhone: "legalPhoneMasked", cardNo: "cardNoMasked" } as const;

/** Every vendor field of the case with the document's label, in the document's order. */
export async function CaseFields({ c, names }: { c: RiskCaseDetail["case"]; names: CodeNames }) {
  const t = await getTranslations("riskCases");
  const format = await getFormatter();
  const locale = await getLocale();
  const record = c as unknown as Record<string, string | Date | null>;
  const value = (field: string): ReactNode => {
    if (field in PERSONAL) {
      const masked = record[PERSONAL[field as keyof typeof PERSONAL]] as string | null;
      return <RevealWithReason masked={masked} caseId={c.id} field={field} testId={`case-${field}`} />;
    }
    const v = record[field];
    if (v === null || v === undefined || v === "") return <span className="text-muted-foreground">—</span>;
    if (TIME_FIELDS.has(field) && v instanceof Date) return format.dateTime(v, { dateStyle: "medium", timeStyle: "medium" });
    const text = String(v);
    if (CODE_FIELDS.has(field)) {
      const n = codeName(names, field, text);
      return (
        <span>
          <span className="font-mono">{text}</span>{" "}
          {n ? <span>{locale === "en" ? n.en : n.zh}</span> : <span className="text-xs text-muted-foreground">({t("detail.codeUnknown")})</span>}
        </span>
      );
    }
    if (field === "areaCode" || field === "cityCode" || field === "provCode") {
      const name = field === "provCode" ? regionName(text) : describeArea(text);
      return (
        <span>
          <span className="font-mono">{text}</span> {name ? <span data-testid={`case-${field}-name`}>{name}</span> : <span className="text-xs text-muted-foreground">({t("detail.unknownArea")})</span>}
        </span>
      );
    }
    if (field === "referOrders") {
      const orders = splitReferOrders(text);
      return (
        <ul className="space-y-0.5 font-mono text-xs" data-testid="case-refer-orders">
          {orders.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ul>
      );
    }
    return <span className={/^[\w:-]+$/.test(text) ? "font-mono break-all" : "break-words"}>{text}</span>;
  };
  const map = mapLink(c.longitude, c.latitude);
  return (
    <div className="space-y-3">
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2" data-testid="case-fields">
        {RISK_CASE_FIELDS.map((field) => (
          <div key={field} className="grid grid-cols-[9rem_1fr] gap-2 border-b border-dashed py-1">
            <dt className="text-muted-foreground">{t(`fields.${field}`)}</dt>
            <dd className="min-w-0">{value(field)}</dd>
          </div>
        ))}
      </dl>
      {map && (
        <a href={map} target="_blank" rel="noopener noreferrer" className="inline-flex items-center gap-1 text-sm text-primary hover:underline" data-testid="case-map">
          <ExternalLink className="size-4" aria-hidden />
          {t("detail.map")}
        </a>
      )}
    </div>
  );
}
