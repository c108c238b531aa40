import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { isSandboxConsole } from "@/lib/auth/demo";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; ended?: string }> }) {
  const { next, ended } = await searchParams;
  const t = await getTranslations();
  const demo = isSandboxConsole() ? await import("@/prisma/seed/demo-users").then((m) => m.DEMO_USERS) : [];
  return (
    <main className="flex min-h-screen items-center justify-center bg-muted/40 p-4">
      <div className="absolute top-4 right-4">
        <LanguageSwitch />
      </div>
      <div className="w-full max-w-sm space-y-6">
        <div className="text-center">
          <h1 className="text-2xl font-semibold tracking-tight">{t("common.appName")}</h1>
          <p className="text-muted-foreground mt-1 text-sm">{t("auth.subtitle")}</p>
        </div>
        <LoginForm next={next} sessionEnded={ended === "1"} />
        {demo.length > 0 && (
          <section aria-label={t("auth.demoAccounts")} className="rounded-lg border bg-card p-4 text-sm">
            <h2 className="mb-2 font-medium">{t("auth.demoAccounts")}</h2>
            <ul className="space-y-1 font-mono text-xs">
              {demo.map((u) => (
                <li key={u.username} className="flex justify-between gap-2">
                  <span>{t(`auth.roles.${u.role}`)}</span>
                  <span>
                    {u.username} / {u.password}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </main>
  );
}
