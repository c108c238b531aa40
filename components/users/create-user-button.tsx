"use client";

import { UserPlus } from "lucide-react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

// The dialog carries zod, react-hook-form and the form: about 100 kB gzip that only an admin
// creating a user needs, so it loads on the first click instead of with the page.
const CreateUserDialog = dynamic(() => import("./create-user-dialog").then((m) => m.CreateUserDialog), { ssr: false });

export function CreateUserButton() {
  const t = useTranslations("users");
  const [wanted, setWanted] = useState(false);
  if (wanted) return <CreateUserDialog defaultOpen />;
  return (
    <Button data-testid="create-user" onClick={() => setWanted(true)}>
      <UserPlus className="size-4" aria-hidden />
      {t("create")}
    </Button>
  );
}
