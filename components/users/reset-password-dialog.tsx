"use client";

import { KeyRound } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { useActionErrors } from "@/components/forms/use-action-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { resetUserPasswordAction } from "@/lib/users/actions";

export function ResetPasswordDialog({ userId, username }: { userId: string; username: string }) {
  const t = useTranslations("users");
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const { execute, result, isPending, reset } = useAction(resetUserPasswordAction, {
    onSuccess: () => {
      toast.success(t("passwordReset"));
      setOpen(false);
      setPassword("");
      reset();
    },
  });
  const { fieldErrors, formError } = useActionErrors(result);
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (!o) reset(); }}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`${t("resetPassword")} ${username}`}>
          <KeyRound className="size-4" aria-hidden />
          {t("resetPassword")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>
            {t("resetPassword")} · {username}
          </DialogTitle>
        </DialogHeader>
        <form className="grid gap-4" onSubmit={(e) => { e.preventDefault(); execute({ userId, password }); }}>
          {formError && (
            <Alert variant="destructive">
              <AlertDescription>{formError}</AlertDescription>
            </Alert>
          )}
          <FormField label={t("newPassword")} name="password" fieldErrors={fieldErrors} required>
            <Input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
          </FormField>
          <DialogFooter>
            <Button type="submit" disabled={isPending}>{t("resetPassword")}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
