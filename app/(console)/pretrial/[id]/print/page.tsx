import Link from "next/link";
import { REDACTED } from "@/lib/pii/mask";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PrintView } from "@/components/pretrial/print-view";
import { Forbidden } from "@/components/shell/forbidden";
import { getAreaUser } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { isSigningOver, orderOutcome } from "@/lib/pretrial/order-state";
import { getPretrialOrderForUser } from "@/lib/pretrial/queries";

export default async function PrintPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getAreaUser("pretrial");
  if (!user) return <Forbidden />;
  const order = await getPretrialOrderForUser(getDb(), user, (await params).id);
  if (!order?.contractUrl) notFound();
  const t = await getTranslations("pretrial");
  // A sheet printed after the signing closed would send the customer to a dead link.
  if (isSigningOver(orderOutcome(order))) {
    return (
      <div className="mx-auto max-w-md space-y-3 py-8 text-center" data-testid="print-closed">
        <p className="text-sm">{t("printClosed")}</p>
        <Link href={`/pretrial/${order.id}`} className="text-sm text-primary hover:underline">{t("backToOrder")}</Link>
      </div>
    );
  }
  return <PrintView url={order.contractUrl} title={t("printTitle")} help={t("printHelp")} customer={`${order.customerNameMasked ?? REDACTED} · ${order.idNumberMasked}`} orderRef={order.outsideOrderId} />;
}
