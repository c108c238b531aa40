import { QueryProvider } from "@/components/providers/query-provider";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OrderReportPanel } from "@/components/credit-reports/order-report-panel";
import { ScoreView } from "@/components/risk-scores/score-view";
import { toScoreView } from "@/lib/risk-scores/score-view";
import { Forbidden } from "@/components/shell/forbidden";
import { getAreaUser } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { getScoreRequestForUser } from "@/lib/risk-scores/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("riskScores"))("detailTitle") };
}

export default async function RiskScorePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getAreaUser("risk-scores");
  if (!user) return <Forbidden />;
  // Scoped by role: a loan officer asking for someone else's request gets the same 404 as a wrong id.
  const detail = await getScoreRequestForUser(getDb(), user, (await params).id);
  if (!detail) notFound();
  return (
    <QueryProvider>
      <ScoreView initial={toScoreView(detail, { technical: user.role === "ADMIN" })} />
      {detail.pretrialOrderId && (
        <div className="mt-4">
          <OrderReportPanel pretrialOrderId={detail.pretrialOrderId} user={user} />
        </div>
      )}
    </QueryProvider>
  );
}
