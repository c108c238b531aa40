import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { shootBoth } from "./support/orders";

/**
 * Journey: finance runs yesterday's reconciliation against the 联银通 twin, sees the injected
 * discrepancy typed, proposes an adjusting posting a second user (the admin) approves, closes the
 * day (CONFIRM_CHECKFILE) and reopens it.
 * Needs the twin's check-file hookup (docs/reconciliation.md "Sandbox").
 */
const sandbox = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? "3400"}/lanmao`;

test("run a day, see the discrepancy typed, settle it with an approved adjustment, close and reopen the day", async ({ page, request, browser }) => {
  test.setTimeout(180_000);
  // Until the twin mounts the check-file routes (one line in lib/sandbox/lanmao/index.ts), say so.
  const mounted = await request.get(`${sandbox}/_sandbox/checkfiles`);
  test.skip(mounted.status() === 404, "the 联银通 twin does not mount lib/sandbox/lanmao/checkfiles yet");
  const switches = await request.post(`${sandbox}/_sandbox/checkfiles`, { data: { notReady: false, inject: { missingOurs: true } } });
  expect(switches.ok()).toBe(true);

  await signIn(page, "FINANCE");
  await page.goto("/reconciliation");
  await expect(page.getByTestId("recon-run-form")).toBeVisible();
  await page.getByTestId("recon-start").click();
  await page.waitForURL(/\/reconciliation\/\d+$/);
  await expect(page.getByTestId("recon-run-status")).toHaveText("已核对");
  const row = page.locator('[data-kind="MISSING_OURS"]');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("我方缺失");
  await expect(page.getByTestId("recon-export-lines-csv")).toBeVisible();
  await expect(page.locator('[data-outcome="MISSING_OURS"]')).toContainText("1");
  await shootBoth(page, "reconciliation-run");

  // Closing is blocked while the exception is open.
  await expect(page.getByTestId("recon-close")).toContainText("1 条差异未处理");
  await expect(page.getByTestId("recon-close-day")).toHaveCount(0);
  // A finance user proposes an adjusting posting; the same user cannot approve it.
  await row.getByRole("button", { name: "提议调账" }).click();
  await row.getByLabel("金额（元，负数为扣减）").fill("1.00");
  await row.getByLabel("原因").fill("联银通已入账的充值，我方补记");
  await row.getByRole("button", { name: "提交提议" }).click();
  await expect(page.getByTestId("recon-adjustments")).toContainText("等待另一位财务人员批准");

  // A second user (the administrator) approves: posted to the ledger, the exception resolved.
  const second = await browser.newContext();
  const admin = await second.newPage();
  await signIn(admin, "ADMIN");
  await admin.goto(page.url());
  await admin.getByTestId("recon-adjustments").getByRole("button", { name: "批准并入账" }).click();
  await expect(admin.locator('[data-kind="MISSING_OURS"]')).toContainText("已说明");
  await second.close();
  await page.reload();

  await page.getByTestId("recon-close-day").click();
  await expect(page.getByTestId("recon-closed-info")).toContainText("CONFIRM");
  await expect(page.getByTestId("recon-run-status")).toHaveText("已关账");
  const confirmed = await request.get(`${sandbox}/_sandbox/books`);
  expect(confirmed.ok()).toBe(true);

  // A closed day can be reopened, with a reason.
  await page.locator("#recon-reopen-reason").fill("联银通第二阶段退回");
  await page.getByTestId("recon-reopen").getByRole("button").click();
  await expect(page.getByTestId("recon-run-status")).toHaveText("已核对");

  await page.goto("/reconciliation");
  await expect(page.getByTestId("recon-runs")).toContainText("已核对");
  await shootBoth(page, "reconciliation-history");
});
