import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { testDb } from "@/lib/test/factories";
import { createUserFromCli, parseUserCreateArgs } from "./user-create";

describe("npm run user:create", () => {
  it("parses --role, --username/--login and --name, in both spellings", () => {
    expect(parseUserCreateArgs(["--role", "admin", "--username", "ops.admin", "--name=运维"])).toEqual({ role: "ADMIN", username: "ops.admin", name: "运维" });
    expect(parseUserCreateArgs(["--login=x1y"])).toEqual({ username: "x1y" });
    expect(() => parseUserCreateArgs(["--password", "x"])).toThrow(/unknown argument --password/);
  });

  it("creates the user with a hashed password and audits it without an actor", async () => {
    const username = `cli${Date.now().toString(36)}`;
    const result = await createUserFromCli(testDb(), { role: "ADMIN", username, name: "首位管理员" }, "first-admin-2026", "deploy");
    expect(result).toMatchObject({ ok: true, username, role: "ADMIN" });
    const user = await testDb().user.findUniqueOrThrow({ where: { username } });
    expect(user.passwordHash).not.toContain("first-admin-2026");
    expect(await verifyPassword(user.passwordHash, "first-admin-2026")).toBe(true);
    const audit = await testDb().auditLog.findFirstOrThrow({ where: { action: "user.create", targetId: user.id } });
    expect(audit).toMatchObject({ actorId: null, outcome: "ok" });
    expect(JSON.stringify({ ...audit, id: String(audit.id) })).not.toContain("first-admin-2026");
  });

  it("refuses a weak password, a bad role or a taken login, naming the rule, never the value", async () => {
    const weak = await createUserFromCli(testDb(), { role: "ADMIN", username: "weakling" }, "short", "deploy");
    expect(weak).toMatchObject({ ok: false });
    expect(JSON.stringify(weak)).not.toContain("short\"");
    expect(await createUserFromCli(testDb(), { role: "ROOT", username: "rooty" }, "long-enough-123", "deploy")).toMatchObject({ ok: false });
    const username = `dup${Date.now().toString(36)}`;
    await createUserFromCli(testDb(), { role: "FINANCE", username }, "long-enough-123", "deploy");
    expect(await createUserFromCli(testDb(), { role: "FINANCE", username }, "long-enough-123", "deploy")).toEqual({ ok: false, problems: ["username: already taken"] });
  });
});
