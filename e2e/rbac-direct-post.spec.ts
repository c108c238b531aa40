import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { serverActionId } from "./support/server-actions";

/** A loan officer who skips the UI and POSTs straight to an admin action is refused. */
test("a direct POST to an admin server action as a loan officer is refused and changes nothing", async ({ page }) => {
  await signIn(page, "LOAN_OFFICER");
  const actionId = serverActionId("lib/users/actions.ts", "createUserAction");
  const username = `intruder-${Date.now().toString(36)}`;
  const response = await page.request.post("/users", {
    headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([{ username, displayName: "Intruder", role: "ADMIN", password: "Intruder-2026" }]),
  });
  const body = await response.text();
  expect(body).toContain("FORBIDDEN");

  // Nothing was created: an admin does not see the user.
  await page.context().clearCookies();
  await signIn(page, "ADMIN");
  await page.goto("/users");
  await expect(page.getByTestId(`user-row-${username}`)).toHaveCount(0);
  // The refusal is in the audit log.
  await page.goto("/audit?outcome=denied");
  await expect(page.locator("main")).toContainText("创建用户");
});
