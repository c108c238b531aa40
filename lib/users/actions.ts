"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/db";
import { roleActionClient } from "@/lib/safe-action";
import { ZChangeRoleInput, ZCreateUserInput, ZResetPasswordInput, ZSetDisabledInput } from "./schemas";
import { changeUserRole, createUser, resetUserPassword, setUserDisabled } from "./service";

const adminAction = roleActionClient(["ADMIN"]);

export const createUserAction = adminAction
  .metadata({ name: "user.create" })
  .inputSchema(ZCreateUserInput)
  .action(async ({ parsedInput, ctx }) => {
    const user = await createUser(getDb(), parsedInput);
    ctx.audit({ targetType: "user", targetId: user.id, after: user });
    revalidatePath("/users");
    return user;
  });

export const changeUserRoleAction = adminAction
  .metadata({ name: "user.changeRole" })
  .inputSchema(ZChangeRoleInput)
  .action(async ({ parsedInput, ctx }) => {
    const { before, after } = await changeUserRole(getDb(), ctx.user.id, parsedInput.userId, parsedInput.role);
    ctx.audit({ targetType: "user", targetId: after.id, before: { role: before.role }, after: { role: after.role } });
    revalidatePath("/users");
    return after;
  });

export const setUserDisabledAction = adminAction
  .metadata({ name: "user.setDisabled" })
  .inputSchema(ZSetDisabledInput)
  .action(async ({ parsedInput, ctx }) => {
    const { before, after } = await setUserDisabled(getDb(), ctx.user.id, parsedInput.userId, parsedInput.disabled);
    ctx.audit({ targetType: "user", targetId: after.id, before: { disabled: before.disabled }, after: { disabled: after.disabled } });
    revalidatePath("/users");
    return after;
  });

export const resetUserPasswordAction = adminAction
  .metadata({ name: "user.resetPassword" })
  .inputSchema(ZResetPasswordInput)
  .action(async ({ parsedInput, ctx }) => {
    const { before } = await resetUserPassword(getDb(), parsedInput.userId, parsedInput.password);
    // The password itself never reaches the audit log; only that it changed.
    ctx.audit({ targetType: "user", targetId: before.id, detail: "password reset; sessions ended" });
    revalidatePath("/users");
    return { id: before.id };
  });
