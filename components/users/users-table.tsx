"use client";

import { useAction } from "next-safe-action/hooks";
import { useFormatter, useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Role } from "@/lib/auth/roles";
import type { ActionServerError } from "@/lib/safe-action";
import { changeUserRoleAction, setUserDisabledAction } from "@/lib/users/actions";
import type { UserRow } from "@/lib/users/queries";
import { ResetPasswordDialog } from "./reset-password-dialog";
import { RoleSelect } from "./role-select";

const toastError = ({ error }: { error: { serverError?: unknown } }) =>
  toast.error((error.serverError as ActionServerError | undefined)?.message ?? "");

export function UsersTable({ users, currentUserId }: { users: UserRow[]; currentUserId: string }) {
  const t = useTranslations("users");
  const format = useFormatter();
  const changeRole = useAction(changeUserRoleAction, { onSuccess: () => toast.success(t("roleChanged")), onError: toastError });
  const setDisabled = useAction(setUserDisabledAction, {
    onSuccess: ({ data }) => toast.success(data?.disabled ? t("disabledToast") : t("enabledToast")),
    onError: toastError,
  });

  return (
    <div className="rounded-lg border">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("username")}</TableHead>
            <TableHead>{t("displayName")}</TableHead>
            <TableHead>{t("role")}</TableHead>
            <TableHead>{t("status")}</TableHead>
            <TableHead>{t("lastLogin")}</TableHead>
            <TableHead className="text-right">{t("resetPassword")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {users.map((u) => {
            const self = u.id === currentUserId;
            return (
              <TableRow key={u.id} data-testid={`user-row-${u.username}`}>
                <TableCell className="font-mono text-sm">
                  {u.username} {self && <span className="text-muted-foreground">{t("you")}</span>}
                </TableCell>
                <TableCell>{u.displayName}</TableCell>
                <TableCell>
                  <RoleSelect
                    value={u.role as Role}
                    disabled={self || changeRole.isPending}
                    aria-label={`${t("changeRole")} ${u.username}`}
                    onChange={(role) => changeRole.execute({ userId: u.id, role })}
                  />
                </TableCell>
                <TableCell>
                  <div className="flex items-center gap-2">
                    <Badge variant={u.disabled ? "destructive" : "success"}>{u.disabled ? t("disabled") : t("active")}</Badge>
                    {!self && (
                      <Button
                        variant="outline"
                        size="sm"
                        disabled={setDisabled.isPending}
                        onClick={() => {
                          if (!u.disabled && !window.confirm(t("confirmDisable", { name: u.displayName }))) return;
                          setDisabled.execute({ userId: u.id, disabled: !u.disabled });
                        }}
                      >
                        {u.disabled ? t("enable") : t("disable")}
                      </Button>
                    )}
                  </div>
                </TableCell>
                <TableCell className="text-sm text-muted-foreground">
                  {u.lastLoginAt ? format.dateTime(u.lastLoginAt, { dateStyle: "medium", timeStyle: "short" }) : t("never")}
                </TableCell>
                <TableCell className="text-right">{!self && <ResetPasswordDialog userId={u.id} username={u.username} />}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
