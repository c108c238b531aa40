import { getTranslations } from "next-intl/server";
import { CodeNameForm } from "@/components/risk-cases/code-name-form";
import { Forbidden } from "@/components/shell/forbidden";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { getAreaUser } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { loadCodeNames } from "@/lib/risk-cases/codes";

export async function generateMetadata() {
  return { title: (await getTranslations("riskCases"))("codes.title") };
}

/** Admins only: names for vendor codes the document leaves unexplained. */
export default async function RiskCaseCodesPage() {
  const user = await getAreaUser("risk-cases");
  if (!user || user.role !== "ADMIN") return <Forbidden />;
  const t = await getTranslations("riskCases");
  const tn = await getTranslations("nav");
  const names = await loadCodeNames(getDb());
  return (
    <div className="min-w-0 space-y-4">
      <Breadcrumbs items={[{ label: tn("risk-cases"), href: "/risk-cases" }, { label: t("codes.title") }]} />
      <PageHeader title={t("codes.title")} description={t("codes.hint")} />
      <CodeNameForm />
      <table className="text-sm">
        <thead>
          <tr className="text-left text-muted-foreground">
            <th className="pr-4">{t("codes.field")}</th>
            <th className="pr-4">{t("codes.code")}</th>
            <th className="pr-4">{t("codes.nameZh")}</th>
            <th>{t("codes.nameEn")}</th>
          </tr>
        </thead>
        <tbody>
          {[...names].map(([key, n]) => {
            const [field, code] = key.split(":");
            return (
              <tr key={key}>
                <td className="pr-4">{t.has(`fields.${field}`) ? t(`fields.${field}`) : field}</td>
                <td className="pr-4 font-mono">{code}</td>
                <td className="pr-4">{n.zh}</td>
                <td>{n.en}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
