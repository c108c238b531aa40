"use client";

import { Menu } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import type { Area } from "@/lib/auth/roles";
import { Sidebar } from "./sidebar";

/** The drawer itself, loaded on the first tap of the menu button (components/shell/mobile-nav.tsx). */
export function MobileNavDrawer({ areas, defaultOpen = false }: { areas: Area[]; defaultOpen?: boolean }) {
  const t = useTranslations("common");
  const [open, setOpen] = useState(defaultOpen);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="icon" className="md:hidden" aria-label={t("toggleSidebar")}>
          <Menu className="size-5" aria-hidden />
        </Button>
      </DialogTrigger>
      <DialogContent className="top-0 left-0 flex h-full max-h-screen w-72 max-w-[80vw] translate-x-0 translate-y-0 flex-col gap-0 overflow-y-auto rounded-none p-0">
        <DialogTitle className="border-b px-4 py-4 text-base">{t("appName")}</DialogTitle>
        {/* Choosing a page closes the drawer (a click on any of the sidebar's links). */}
        <div onClick={(e) => (e.target as HTMLElement).closest("a") && setOpen(false)}>
          <Sidebar areas={areas} />
        </div>
      </DialogContent>
    </Dialog>
  );
}
