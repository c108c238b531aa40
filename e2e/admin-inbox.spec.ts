import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

/** The callback token of the console under test (generated into its throwaway data folder). */
function callbackToken(): string {
  const file = path.join(process.env.CREDITOPS_DATA_DIR ?? ".data", "secrets.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { WANWANG_CALLBACK_TOKEN: string }).WANWANG_CALLBACK_TOKEN;
}

/**
 * Journey: an admin follows vendor callbacks in the inbox — a bad token is rejected, an unknown
 * order unmatched — reveals a raw body (audited) and re-runs the unmatched event.
 */
test("admin reads the callback inbox, reveals a body, re-runs an unmatched event", async ({ page }) => {
  const body = (ref: string) => JSON.stringify({ message: "测试", outsideOrderId: ref, querySn: "ZX-E2E", reuseFlag: 0, time: Date.now(), type: 0, typeDesc: "授权书签约完成时间" });
  const bad = await page.request.post("/api/callbacks/wanwang/signed", { headers: { authorization: "Bearer wrong", "content-type": "application/json" }, data: body("CR-E2E-REJECTED") });
  expect(bad.status()).toBe(401);
  const unknown = await page.request.post("/api/callbacks/wanwang/signed", { headers: { authorization: `Bearer ${callbackToken()}`, "content-type": "application/json" }, data: body("CR-E2E-UNKNOWN") });
  expect(await unknown.json()).toMatchObject({ ok: false });

  await signIn(page, "ADMIN");
  await page.goto("/inbox?status=REJECTED");
  await expect(page.locator("tbody tr").first()).toBeVisible();
  await page.locator("tbody tr a").first().click();
  await expect(page).toHaveURL(/\/inbox\/\d+$/);
  await expect(page.getByTestId("inbox-body-masked")).toContainText("CR-E2E-REJECTED");
  // Personal data is revealed only with a reason, which goes into the audit row.
  await page.getByTestId("inbox-reveal").click();
  await page.getByTestId("inbox-reveal-dialog").locator("textarea").fill("核对回调内容");
  await page.getByTestId("inbox-reveal-confirm").click();
  await expect(page.getByTestId("inbox-body-revealed")).toContainText("CR-E2E-REJECTED");
  await page.screenshot({ path: "e2e/screenshots/inbox-event-zh.png", fullPage: true });

  await page.goto("/inbox?status=UNMATCHED");
  await page.screenshot({ path: "e2e/screenshots/inbox-zh.png", fullPage: true });
  await page.locator("tbody tr a").first().click();
  await page.getByTestId("inbox-rerun").click();
  await expect(page.locator("[data-sonner-toast]")).toContainText("未匹配");

  await page.goto("/audit?action=pii.reveal");
  await expect(page.locator("main")).toContainText("查看敏感信息");
  await expect(page.locator("main")).toContainText("核对回调内容");
  await page.screenshot({ path: "e2e/screenshots/audit-zh.png", fullPage: true });
  await page.getByTestId("language-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.screenshot({ path: "e2e/screenshots/audit-en.png", fullPage: true });
  await page.getByTestId("language-switch").click();
});
