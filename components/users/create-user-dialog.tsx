"use client";

import { UserPlus } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { useActionErrors } from "@/components/forms/use-action-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { ROLES, type Role } from "@/lib/auth/roles";
import { createUserAction } from "@/lib/users/actions";
import { RoleSelect } from "./role-select";

export function CreateUserDialog() {
  const t = useTranslations("users");
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ username: "", displayName: "", role: ROLES[1] as Role, password: "" });
  const { execute, result, isPending, reset } = useAction(createUserAction, {
    onSuccess: () => {
      toast.success(t("created"));
      setOpen(false);
      setForm({ username: "", displayName: "", role: ROLES[1], password: "" });
      reset();
    },
  });
  const { fieldErrors, formError } = useActionErrors(result);
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm((f) => ({ ...f, [k]: e.target.value }));

  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (!o) reset(); }}>
      <DialogTrigger asChild>
        <Button data-testid="create-user">
          <UserPlus className="size-4" aria-hidden />
          {t("create")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("create")}</DialogTitle>
        </DialogHeader>
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            execute(form);
          }}
        >
          {formError && (
            <Alert variant="destructive">
              <AlertDescription>{formError}</AlertDescription>
            </Alert>
          )}
          <FormField label={t("username")} name="username" fieldErrors={fieldErrors} required>
            <Input value={form.username} onChange={set("username")} autoComplete="off" />
          </FormField>
          <FormField label={t("displayName")} name="displayName" fieldErrors={fieldErrors} required>
            <Input value={form.displayName} onChange={set("displayName")} autoComplete="off" />
          </FormField>
          <FormField label={t("role")} name="role" fieldErrors={fieldErrors} required>
            {(control) => <RoleSelect value={form.role} onChange={(role) => setForm((f) => ({ ...f, role }))} {...control} />}
          </FormField>
          <FormField label={t("initialPassword")} name="password" fieldErrors={fieldErrors} required>
            <Input type="password" value={form.password} onChange={set("password")} autoComplete="new-password" />
          </FormField>
          <DialogFooter>
            <Button type="submit" disabled={isPending}>
              {t("create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
