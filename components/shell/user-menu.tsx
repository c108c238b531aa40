"use client";

import { LogOut } from "lucide-react";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { signOutAction } from "@/lib/auth/actions";
import type { Role } from "@/lib/auth/roles";

export function UserMenu({ displayName, role }: { displayName: string; role: Role }) {
  const t = useTranslations();
  // Called directly rather than through next-safe-action's hook: the hook's client code would
  // sit in every page's first-load JS for one button.
  const [isPending, startTransition] = useTransition();
  const execute = () => startTransition(async () => void (await signOutAction()));
  return (
    <div className="flex items-center gap-3">
      <div className="hidden text-right text-xs leading-tight sm:block" data-testid="current-user">
        <div className="font-medium">{displayName}</div>
        <div className="text-muted-foreground">{t(`auth.roles.${role}`)}</div>
      </div>
      <Button variant="outline" size="sm" onClick={() => execute()} disabled={isPending} aria-label={t("common.signOut")}>
        <LogOut className="size-4" aria-hidden />
        {/* On a phone the icon alone keeps the header on one line. */}
        <span className="hidden sm:inline">{t("common.signOut")}</span>
      </Button>
    </div>
  );
}
