import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { InboundEventDetail } from "@/components/inbox/event-detail";
import { Forbidden } from "@/components/shell/forbidden";
import { getAreaUser } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { getInboundEventOrNull, readEventBodyPreview } from "@/lib/inbox/queries";

/** The page shows at most this much of a body; the rest is a download (a 52 MB body once took 80 s). */
const PREVIEW_BYTES = 64 * 1024;

export default async function InboundEventPage({ params }: { params: Promise<{ id: string }> }) {
  if (!(await getAreaUser("inbox"))) return <Forbidden />;
  const { id } = await params;
  if (!/^\d+$/.test(id)) notFound();
  const [event, preview] = await Promise.all([getInboundEventOrNull(getDb(), BigInt(id)), readEventBodyPreview(getDb(), BigInt(id), PREVIEW_BYTES)]);
  if (!event || !preview) notFound();
  const t = await getTranslations("common");
  return (
    <div className="space-y-4">
      <Link href="/inbox" className="text-sm text-primary hover:underline">
        ← {t("back")}
      </Link>
      <InboundEventDetail event={event} preview={preview} />
    </div>
  );
}
