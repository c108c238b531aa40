"use client";

import { Home } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import type { Area } from "@/lib/auth/roles";
import { cn } from "@/lib/utils";
import { NAV_GROUPS, NAV_ITEMS } from "./nav-items";

/** Only the areas the role may open are listed (the server passes them in). */
export function Sidebar({ areas }: { areas: Area[] }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const items = NAV_ITEMS.filter((item) => areas.includes(item.area));
  const linkClass = (active: boolean) =>
    cn(
      "flex items-center gap-2 rounded-md px-3 py-2 text-sm transition-colors hover:bg-accent hover:text-accent-foreground",
      active && "bg-accent font-medium text-accent-foreground",
    );
  return (
    <nav aria-label={t("home")} className="flex flex-col gap-4 p-3">
      <Link href="/" className={linkClass(pathname === "/")} aria-current={pathname === "/" ? "page" : undefined}>
        <Home className="size-4" aria-hidden />
        {t("home")}
      </Link>
      {NAV_GROUPS.map((group) => {
        const inGroup = items.filter((i) => i.group === group);
        if (inGroup.length === 0) return null;
        return (
          <div key={group} className="space-y-1">
            <p className="px-3 text-xs font-medium uppercase tracking-wide text-muted-foreground">{t(group)}</p>
            {inGroup.map(({ area, icon: Icon, built }) => {
              const active = pathname === `/${area}` || pathname.startsWith(`/${area}/`);
              return (
                <Link key={area} href={`/${area}`} className={linkClass(active)} aria-current={active ? "page" : undefined} data-area={area}>
                  <Icon className="size-4" aria-hidden />
                  <span className="flex-1">{t(area)}</span>
                  {!built && <span className="rounded bg-muted px-1.5 py-0.5 text-[10px] text-muted-foreground">{t("notBuilt")}</span>}
                </Link>
              );
            })}
          </div>
        );
      })}
    </nav>
  );
}
