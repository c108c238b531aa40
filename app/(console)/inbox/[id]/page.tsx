import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { InboundEventDetail } from "@/components/inbox/event-detail";
import { Forbidden } from "@/components/shell/forbidden";
import { getAreaUser } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { getInboundEventOrNull } from "@/lib/inbox/queries";

export default async function InboundEventPage({ params }: { params: Promise<{ id: string }> }) {
  if (!(await getAreaUser("inbox"))) return <Forbidden />;
  const { id } = await params;
  if (!/^\d+$/.test(id)) notFound();
  const event = await getInboundEventOrNull(getDb(), BigInt(id));
  if (!event) notFound();
  const t = await getTranslations("common");
  return (
    <div className="space-y-4">
      <Link href="/inbox" className="text-sm text-primary hover:underline">
        ← {t("back")}
      </Link>
      <InboundEventDetail event={event} />
    </div>
  );
}
