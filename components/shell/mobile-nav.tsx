"use client";

import { Menu } from "lucide-react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { Area } from "@/lib/auth/roles";

// The drawer (Radix Dialog, scroll lock, focus trap) loads on the first tap, not with every page.
const MobileNavDrawer = dynamic(() => import("./mobile-nav-drawer").then((m) => m.MobileNavDrawer), { ssr: false });

/** On narrow screens the sidebar opens from a menu button; it closes when a page is chosen. */
export function MobileNav({ areas }: { areas: Area[] }) {
  const t = useTranslations("common");
  const [wanted, setWanted] = useState(false);
  if (wanted) return <MobileNavDrawer areas={areas} defaultOpen />;
  return (
    <Button variant="ghost" size="icon" className="md:hidden" aria-label={t("toggleSidebar")} onClick={() => setWanted(true)}>
      <Menu className="size-5" aria-hidden />
    </Button>
  );
}
