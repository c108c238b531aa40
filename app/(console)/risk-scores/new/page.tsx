import { getTranslations } from "next-intl/server";
import { type ProfileDefaults, ProfileForm } from "@/components/risk-scores/profile/profile-form";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { getAreaUser } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { getProfilePrefill } from "@/lib/risk-scores/prefill";

export async function generateMetadata() {
  return { title: (await getTranslations("riskProfile"))("title") };
}

export default async function NewRiskScorePage({ searchParams }: { searchParams: Promise<{ order?: string }> }) {
  const user = await getAreaUser("risk-scores");
  if (!user) return <Forbidden />;
  const { order } = await searchParams;
  const defaults: ProfileDefaults = order ? ((await getProfilePrefill(getDb(), user, order)) ?? {}) : {};
  const t = await getTranslations("riskProfile");
  return (
    <div className="max-w-5xl space-y-4">
      <PageHeader title={defaults.orderRef ? `${t("title")} · ${t("fromOrder", { ref: defaults.orderRef })}` : t("title")} description={t("description")} />
      <ProfileForm defaults={defaults} />
    </div>
  );
}
