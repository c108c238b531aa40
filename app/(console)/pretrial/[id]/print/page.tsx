import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PrintView } from "@/components/pretrial/print-view";
import { Forbidden } from "@/components/shell/forbidden";
import { getAreaUser } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { getPretrialOrderForUser } from "@/lib/pretrial/queries";

export default async function PrintPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getAreaUser("pretrial");
  if (!user) return <Forbidden />;
  const order = await getPretrialOrderForUser(getDb(), user, (await params).id);
  if (!order?.contractUrl) notFound();
  const t = await getTranslations("pretrial");
  return <PrintView url={order.contractUrl} title={t("printTitle")} help={t("printHelp")} customer={`${order.customerName} · ${order.idNumberMasked}`} orderRef={order.outsideOrderId} />;
}
