import "server-only";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TCreateUserInput } from "./schemas";

const publicFields = { id: true, username: true, displayName: true, role: true, disabled: true } as const;

export async function createUser(db: Db, input: TCreateUserInput) {
  const passwordHash = await hashPassword(input.password);
  const [created] = await db.user.createManyAndReturn({
    data: [{ username: input.username, displayName: input.displayName, role: input.role, passwordHash }],
    skipDuplicates: true,
    select: publicFields,
  });
  if (!created) {
    throw new AppError("CONFLICT", "username taken", { i18n: { key: "usernameTaken" }, fieldErrors: { username: ["usernameTaken"] } });
  }
  return created;
}

async function getUserOrThrow(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: publicFields });
  if (!user) throw new AppError("NOT_FOUND", `user ${userId}`);
  return user;
}

/** Refuses changes that would leave nobody able to administer the console. */
async function assertAnotherActiveAdmin(tx: Tx, userId: string) {
  const others = await tx.user.count({ where: { role: "ADMIN", disabled: false, id: { not: userId } } });
  if (others === 0) throw new AppError("INVALID_STATE", "last admin", { i18n: { key: "lastAdmin" } });
}

/** Role changes bump the session version too: a demoted user must not keep old rights. */
export async function changeUserRole(db: Db, actorId: string, userId: string, role: Role) {
  if (actorId === userId) throw new AppError("INVALID_STATE", "self role change", { i18n: { key: "cannotChangeSelf" } });
  return db.$transaction(async (tx) => {
    const before = await getUserOrThrow(tx, userId);
    if (before.role === "ADMIN" && role !== "ADMIN") await assertAnotherActiveAdmin(tx, userId);
    const after = await tx.user.update({ where: { id: userId }, data: { role, sessionVersion: { increment: 1 } }, select: publicFields });
    return { before, after };
  });
}

export async function setUserDisabled(db: Db, actorId: string, userId: string, disabled: boolean) {
  if (actorId === userId) throw new AppError("INVALID_STATE", "self disable", { i18n: { key: "cannotChangeSelf" } });
  return db.$transaction(async (tx) => {
    const before = await getUserOrThrow(tx, userId);
    if (disabled && before.role === "ADMIN") await assertAnotherActiveAdmin(tx, userId);
    const after = await tx.user.update({
      where: { id: userId },
      data: { disabled, ...(disabled ? { sessionVersion: { increment: 1 } } : {}) },
      select: publicFields,
    });
    return { before, after };
  });
}

export async function resetUserPassword(db: Db, userId: string, password: string) {
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const before = await getUserOrThrow(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 }, mustChangePassword: true } });
    return { before };
  });
}
