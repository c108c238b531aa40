import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { type ReactNode, Suspense } from "react";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { MobileNav } from "@/components/shell/mobile-nav";
import { NavigationProgress } from "@/components/shell/navigation-progress";
import { Sidebar } from "@/components/shell/sidebar";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { UserMenu } from "@/components/shell/user-menu";
import { isSandboxConsole } from "@/lib/auth/demo";
import { requirePageUser } from "@/lib/auth/guard";
import { areasFor } from "@/lib/auth/roles";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  const t = await getTranslations("common");
  return (
    <div className="flex min-h-screen">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-primary px-3 py-2 text-sm font-medium text-primary-foreground focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
        data-testid="skip-link"
      >
        {t("skipToContent")}
      </a>
      <Suspense>
        <NavigationProgress />
      </Suspense>
      <aside className="sticky top-0 hidden h-screen w-60 shrink-0 overflow-y-auto border-r bg-sidebar text-sidebar-foreground md:block">
        <Link href="/" className="flex h-14 items-center border-b px-4 font-semibold tracking-tight">
          {t("appName")}
        </Link>
        <Sidebar areas={areasFor(user.role)} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-10 flex h-14 items-center justify-between gap-2 border-b bg-background/95 px-2 backdrop-blur sm:px-4">
          <div className="flex min-w-0 items-center gap-2">
            <MobileNav areas={areasFor(user.role)} />
            <span className="truncate font-semibold md:hidden">{t("appName")}</span>
            {isSandboxConsole() && (
              <span className="shrink-0 rounded-full bg-warning/15 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-warning" data-testid="sandbox-badge">
                {t("sandboxMode")}
              </span>
            )}
          </div>
          <div className="flex shrink-0 items-center gap-1">
            <LanguageSwitch />
            <ThemeToggle />
            <UserMenu displayName={user.displayName} role={user.role} />
          </div>
        </header>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 p-3 outline-none sm:p-4 md:p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
