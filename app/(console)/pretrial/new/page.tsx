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
  return <NewOrderForm defaults={defaults} channel={config.channel} creditType={config.creditType} />;
}
