import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { contractUrlOf, createOrder, customerDecides, shootBoth } from "./support/orders";

/**
 * Journey: the order page follows the order. While the signature is awaited the signing card
 * leads; after the customer signs, declines, or 万网 reports 主体不存在, the card is gone and
 * only what the state allows is offered (lib/pretrial/order-state.ts).
 */

async function expectSigningGone(page: Page) {
  await expect(page.getByTestId("signing-card")).toHaveCount(0);
  await expect(page.getByTestId("signing-qr")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "打印" })).toHaveCount(0);
  await expect(page.getByTestId("push-outside")).toHaveCount(0);
}

test("after the customer signs: result on top, choose a capital provider, no signing tools", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, "LOAN_OFFICER");
  const orderId = await createOrder(page.request);
  await page.goto(`/pretrial/${orderId}`);
  await expect(page.getByTestId("signing-card")).toBeVisible();
  await expect(page.getByTestId("signing-qr").locator("svg")).toBeVisible();
  await expect(page.getByTestId("order-outcome")).toHaveCount(0);
  await shootBoth(page, "order-awaiting");

  await customerDecides(browser, await contractUrlOf(page.request, orderId), "sign");
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "PASSED", { timeout: 60_000 });
  await expectSigningGone(page);
  await expect(page.getByTestId("order-outcome")).toHaveAttribute("data-outcome", "passed");
  await expect(page.getByTestId("refresh-result")).toHaveCount(0);
  await expect(page.getByTestId("next-choose-capital")).toBeVisible();
  await expect(page.getByTestId("next-risk-score")).toBeVisible();
  await expect(page.getByTestId("next-new-from")).toHaveCount(0);
  // The SMS text of the four signed callbacks: once, collapsed.
  await expect(page.getByTestId("timeline-sms")).toHaveCount(1);
  await expect(page.getByTestId("timeline-sms")).not.toHaveAttribute("open", "");
  await page.getByTestId("next-choose-capital").click();
  await expect(page.locator("#capital")).toBeInViewport();
  await shootBoth(page, "order-passed");
});

test("after the customer declines: its own label, only a new order from this one", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, "LOAN_OFFICER");
  const orderId = await createOrder(page.request);
  await page.goto(`/pretrial/${orderId}`);
  await customerDecides(browser, await contractUrlOf(page.request, orderId), "decline");
  const badge = page.getByTestId("order-status");
  await expect(badge).toHaveAttribute("data-outcome", "declined", { timeout: 30_000 });
  await expect(badge).toHaveText("客户拒绝签署");
  await expectSigningGone(page);
  await expect(page.getByTestId("order-outcome")).toHaveAttribute("data-outcome", "declined");
  await expect(page.getByTestId("refresh-result")).toHaveCount(0);
  await expect(page.getByTestId("next-choose-capital")).toHaveCount(0);
  await expect(page.getByTestId("next-risk-score")).toHaveCount(0);
  await expect(page.getByTestId("order-risk-score-action")).toHaveCount(0);
  await expect(page.getByTestId("order-timeline").locator('[data-event="ERROR_SYNC"]')).toContainText("客户拒绝签署");
  await shootBoth(page, "order-declined");

  // New order from this one: prefilled.
  await page.getByTestId("next-new-from").click();
  await expect(page).toHaveURL(/\/pretrial\/new\?from=/);
  await expect(page.locator('input[name="customerName"]')).toHaveValue("测试申请人");
  await expect(page.getByTestId("order-config")).toHaveCount(0);
});

test("主体不存在: its own label and badge, only a new order from this one", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "LOAN_OFFICER");
  const orderId = await createOrder(page.request, { name: "主体不存在" });
  await page.goto(`/pretrial/${orderId}`);
  const badge = page.getByTestId("order-status");
  await expect(badge).toHaveAttribute("data-outcome", "subjectMissing", { timeout: 30_000 });
  await expect(badge).toHaveText("主体不存在");
  await expectSigningGone(page);
  await expect(page.getByTestId("order-outcome")).toHaveAttribute("data-outcome", "subjectMissing");
  await expect(page.getByTestId("next-new-from")).toBeVisible();
  await expect(page.getByTestId("next-choose-capital")).toHaveCount(0);
  await expect(page.getByTestId("next-risk-score")).toHaveCount(0);
  await shootBoth(page, "order-subject-missing");

  // An analyst reads the same order without any action that changes it.
  await page.context().clearCookies();
  await signIn(page, "RISK_ANALYST");
  await page.goto(`/pretrial/${orderId}`);
  await expect(page.getByTestId("order-outcome")).toHaveAttribute("data-outcome", "subjectMissing");
  await expect(page.getByTestId("next-new-from")).toHaveCount(0);
  await expect(page.getByTestId("order-actions")).toHaveCount(0);
});
