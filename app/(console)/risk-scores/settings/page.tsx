import { getTranslations } from "next-intl/server";
import { CutoffsForm } from "@/components/risk-scores/cutoffs-form";
import { Forbidden } from "@/components/shell/forbidden";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getAreaUser } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { getCutoffs } from "@/lib/risk-scores/cutoffs";

export async function generateMetadata() {
  return { title: (await getTranslations("riskScores.settings"))("title") };
}

/** Admins only: the action refuses everyone else too, this page just does not offer the form. */
export default async function RiskScoreSettingsPage() {
  const user = await getAreaUser("risk-scores");
  if (!user || user.role !== "ADMIN") return <Forbidden />;
  const [cutoffs, t] = await Promise.all([getCutoffs(getDb()), getTranslations("riskScores.settings")]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <CardHeader>
          <CardTitle><h2>{t("cardTitle")}</h2></CardTitle>
          <CardDescription>{t("vendorGuidance")}</CardDescription>
        </CardHeader>
        <CardContent>
          <CutoffsForm initial={cutoffs} />
        </CardContent>
      </Card>
    </div>
  );
}
