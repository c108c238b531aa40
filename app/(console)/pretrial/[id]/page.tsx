import { QueryProvider } from "@/components/providers/query-provider";
import { notFound } from "next/navigation";
import { OrderReportPanel } from "@/components/credit-reports/order-report-panel";
import { OrderView } from "@/components/pretrial/order-view";
import { toOrderJson } from "@/lib/pretrial/order-json";
import { Forbidden } from "@/components/shell/forbidden";
import { getAreaUser } from "@/lib/auth/guard";
import { canAccessArea } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { PRETRIAL_WRITE_ROLES } from "@/lib/pretrial/access";
import { getPretrialOrderForUser } from "@/lib/pretrial/queries";

export default async function PretrialOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getAreaUser("pretrial");
  if (!user) return <Forbidden />;
  const order = await getPretrialOrderForUser(getDb(), user, (await params).id);
  if (!order) notFound();
  return (
    <QueryProvider>
      <OrderView initial={toOrderJson(order)} canWrite={(PRETRIAL_WRITE_ROLES as readonly string[]).includes(user.role)} canScore={canAccessArea(user.role, "risk-scores")} />
      <div className="mt-4">
        <OrderReportPanel pretrialOrderId={order.id} user={user} />
      </div>
    </QueryProvider>
  );
}
