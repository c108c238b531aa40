import { writeAudit } from "@/lib/audit";
import { ROLES, type Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { createUser } from "@/lib/users/service";
import { ZCreateUserInput } from "@/lib/users/schemas";

/**
 * `npm run user:create`: the first admin of a live deployment (live mode seeds no users,
 * design.md §1), or any user from the command line. Same rules as the users page
 * (lib/users/schemas.ts), audited as `user.create` with no signed-in actor.
 */
export const USAGE = `usage: npm run user:create -- --role <${ROLES.join("|")}> --username <login> [--name <display name>]
  password: CREDITOPS_USER_PASSWORD, else asked on the terminal (not echoed)
  database: DATABASE_URL`;

export type UserCreateArgs = { role?: string; username?: string; name?: string; help?: boolean };

export function parseUserCreateArgs(argv: readonly string[]): UserCreateArgs {
  const out: UserCreateArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i];
    if (flag === "--role") out.role = value()?.toUpperCase();
    else if (flag === "--username" || flag === "--login") out.username = value();
    else if (flag === "--name") out.name = value();
    else if (flag === "--help" || flag === "-h") out.help = true;
    else throw new Error(`unknown argument ${flag}\n${USAGE}`);
  }
  return out;
}

export type UserCreateResult = { ok: true; id: string; username: string; role: Role } | { ok: false; problems: string[] };

export async function createUserFromCli(db: Db, args: UserCreateArgs, password: string, operator: string): Promise<UserCreateResult> {
  const parsed = ZCreateUserInput.safeParse({ username: args.username ?? "", displayName: args.name ?? args.username ?? "", role: args.role, password });
  if (!parsed.success) {
    // Rule names only (`password: tooShort`), never the value typed.
    return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`) };
  }
  try {
    const user = await createUser(db, parsed.data);
    await writeAudit(db, {
      actor: null,
      action: "user.create",
      outcome: "ok",
      targetType: "user",
      targetId: user.id,
      after: { username: user.username, displayName: user.displayName, role: user.role },
      detail: `npm run user:create (operating-system user ${operator})`,
    });
    return { ok: true, id: user.id, username: user.username, role: user.role };
  } catch (err) {
    if (isAppError(err) && err.code === "CONFLICT") return { ok: false, problems: ["username: already taken"] };
    throw err;
  }
}
