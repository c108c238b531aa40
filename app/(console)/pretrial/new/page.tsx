import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NewOrderForm, type NewOrderDefaults } from "@/components/pretrial/new-order-form";
import { Forbidden } from "@/components/shell/forbidden";
import { getAreaUser } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { PRETRIAL_WRITE_ROLES } from "@/lib/pretrial/access";
import { getRetryDefaults } from "@/lib/pretrial/retry-defaults";
import { wanwangConfig } from "@/lib/vendors/config";

export async function generateMetadata() {
  return { title: (await getTranslations("pretrial"))("new") };
}

export default async function NewPretrialOrderPage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const user = await getAreaUser("pretrial");
  if (!user || !(PRETRIAL_WRITE_ROLES as readonly string[]).includes(user.role)) return <Forbidden />;
  const { from } = await searchParams;
  const defaults: NewOrderDefaults = from ? ((await getRetryDefaults(getDb(), user, from)) ?? {}) : {};
  const config = wanwangConfig();
  const t = await getTranslations("pretrial");
  return (
    <div className="min-w-0 space-y-4">
      <Link href={from ? `/pretrial/${from}` : "/pretrial"} className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden />
        {from ? t("backToOrder") : t("backToList")}
      </Link>
      {/* 渠道 and 征信类型 are configuration: admins see them, officers need not. */}
      <NewOrderForm defaults={defaults} config={user.role === "ADMIN" ? { channel: config.channel, creditType: config.creditType } : null} />
    </div>
  );
}
