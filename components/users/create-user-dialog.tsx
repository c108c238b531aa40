"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { UserPlus } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { useActionErrors } from "@/components/forms/use-action-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { createUserAction } from "@/lib/users/actions";
import { type TCreateUserInput, ZCreateUserInput } from "@/lib/users/schemas";
import { RoleSelect } from "./role-select";

const EMPTY: TCreateUserInput = { username: "", displayName: "", role: "LOAN_OFFICER", password: "" };

/**
 * New user. The same zod schema validates in the browser (react-hook-form) and again in the
 * server action; server-only refusals (username taken) land on the same fields.
 */
export function CreateUserDialog({ defaultOpen = false }: { defaultOpen?: boolean }) {
  const t = useTranslations("users");
  const tc = useTranslations("common");
  const [open, setOpen] = useState(defaultOpen);
  const form = useForm<TCreateUserInput>({ resolver: zodResolver(ZCreateUserInput), defaultValues: EMPTY, mode: "onTouched" });
  const { execute, result, isPending, reset } = useAction(createUserAction, {
    onSuccess: () => {
      toast.success(t("created"));
      setOpen(false);
      form.reset(EMPTY);
      reset();
    },
  });
  const { fieldErrors, formError, translate } = useActionErrors(result);
  const clientError = (name: keyof TCreateUserInput) => {
    const message = form.formState.errors[name]?.message;
    return message ? translate(message) : undefined;
  };

  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (!o) { reset(); form.clearErrors(); } }}>
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
        <form className="grid gap-4" noValidate onSubmit={form.handleSubmit((values) => execute(values))}>
          {formError && (
            <Alert variant="destructive">
              <AlertDescription>{formError}</AlertDescription>
            </Alert>
          )}
          <FormField label={t("username")} name="username" error={clientError("username")} fieldErrors={fieldErrors} required>
            <Input {...form.register("username")} autoComplete="off" />
          </FormField>
          <FormField label={t("displayName")} name="displayName" error={clientError("displayName")} fieldErrors={fieldErrors} required>
            <Input {...form.register("displayName")} autoComplete="off" />
          </FormField>
          <FormField label={t("role")} name="role" fieldErrors={fieldErrors} required>
            {(control) => (
              <Controller control={form.control} name="role" render={({ field }) => <RoleSelect value={field.value} onChange={field.onChange} {...control} />} />
            )}
          </FormField>
          <FormField label={t("initialPassword")} name="password" error={clientError("password")} fieldErrors={fieldErrors} required>
            <Input type="password" {...form.register("password")} autoComplete="new-password" />
          </FormField>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">{tc("cancel")}</Button>
            </DialogClose>
            <Button type="submit" disabled={isPending}>
              {t("create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
