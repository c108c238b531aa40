import { expect, test, type Page } from "@playwright/test";
import { generateSyntheticBankCard, generateSyntheticIdNumber, generateSyntheticMobile } from "../lib/pii/id-card";
import { signIn } from "./support/auth";
import { viaGateway as throughGateway } from "./support/custody-gateway";
import { setLocale, shootBoth } from "./support/orders";

/**
 * Journey (the pages): finance opens the custody pages — accounts with ledger balances,
 * platform accounts and approvals, the request log, projects — in both languages on a desk and a
 * phone; other roles are refused. The money journey is e2e/custody-journey.spec.ts.
 */
test("finance sees custody accounts, transactions and projects; a loan officer does not", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, "FINANCE");
  await page.goto("/custody");
  await expect(page.getByTestId("platform-accounts")).toBeVisible();
  await expect(page.getByTestId("custody-approvals")).toBeVisible();
  await shootBoth(page, "custody-accounts");
  await page.getByTestId("custody-transactions").click();
  await expect(page).toHaveURL(/\/custody\/transactions/);
  await shootBoth(page, "custody-transactions");
  await page.goto("/projects");
  await shootBoth(page, "custody-projects");
  await page.goto("/");
  await expect(page.getByTestId("home-card-custody")).toBeVisible();
  await shootBoth(page, "custody-home");

  const officer = await browser.newPage();
  await signIn(officer, "LOAN_OFFICER");
  await officer.goto("/custody");
  await expect(officer.getByTestId("platform-accounts")).toHaveCount(0);
  await officer.close();
});


/** A customer step through the twin, then back on the custody page. */
async function viaGateway(page: Page, fields: Record<string, string>) {
  await throughGateway(page, fields);
  await page.goto("/custody");
}

/** The freeze form with a three-decimal amount: the field's own translated message, at 1280 and 390 px. */
async function shootFreezeError(page: Page, account: string) {
  for (const locale of ["zh-CN", "en"] as const) {
    await setLocale(page, locale);
    for (const [label, width] of [["desktop", 1280], ["phone", 390]] as const) {
      await page.setViewportSize({ width, height: label === "phone" ? 844 : 900 });
      await page.goto(`/custody/accounts/${account}`);
      await page.getByTestId("op-freeze-toggle").click();
      await page.getByTestId("op-freeze").getByTestId("op-amount").fill("1.234");
      await page.getByTestId("op-freeze-submit").click();
      await expect(page.getByTestId("op-freeze").locator("[data-slot=form-message]")).toHaveText(locale === "en" ? "Invalid amount (yuan, at most two decimals)" : /金额/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.screenshot({ path: `e2e/screenshots/custody-account-ops-${locale}-${label}.png`, fullPage: true });
    }
  }
  await setLocale(page, "zh-CN");
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("account operations: a freeze proposed on the account page and approved by a second user; a customer link opens 联银通 without a session", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const no = `EF${Date.now().toString(36).toUpperCase().slice(-6)}`;
  let seed = 11;
  const rng = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
  await signIn(page, "FINANCE");
  await page.goto("/custody");
  await page.getByTestId("op-service").selectOption("PERSONAL_REGISTER");
  await viaGateway(page, { platformUserNo: no, realName: "测试用户", idCardNo: generateSyntheticIdNumber(rng), mobile: generateSyntheticMobile(rng), bankcardNo: generateSyntheticBankCard(rng) });
  await page.getByTestId("op-service").selectOption("RECHARGE");
  await viaGateway(page, { platformUserNo: no, amount: "100.00" });

  await shootFreezeError(page, no);
  // A valid amount: proposed, nothing frozen until a second finance user approves.
  await page.goto(`/custody/accounts/${no}`);
  await page.getByTestId("op-freeze-toggle").click();
  await page.getByTestId("op-freeze").getByTestId("op-amount").fill("12.50");
  await page.getByTestId("op-freeze-submit").click();
  await expect(page.getByTestId("op-proposed")).toBeVisible();
  await page.goto("/custody");
  await expect(page.getByTestId("custody-approvals")).toContainText("FREEZE");
  const admin = await browser.newPage();
  await signIn(admin, "ADMIN");
  await admin.goto("/custody");
  await admin.getByTestId("approve").first().click();
  await expect(admin.getByTestId("approve")).toHaveCount(0, { timeout: 15_000 });
  await admin.close();
  await page.goto(`/custody/accounts/${no}`);
  await expect(page.getByTestId("account-check")).toContainText("12.50");
  await expect(page.getByTestId("op-unfreeze")).toBeVisible();

  // The customer's step as a signed link + QR: opened with no session, it carries the form to 联银通.
  await page.getByTestId("op-reset-password-toggle").click();
  await page.getByTestId("op-reset-password-submit").click();
  await expect(page.getByTestId("op-qr")).toBeVisible();
  const url = await page.getByTestId("op-customer-link").inputValue();
  await page.screenshot({ path: "e2e/screenshots/custody-customer-link-zh-CN-desktop.png", fullPage: true });
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const customer = await phone.newPage();
  await customer.goto(url);
  await expect(customer).not.toHaveURL(/\/api\/custody\/link\//, { timeout: 15_000 });
  await expect(customer).toHaveURL(/lanmaotech\/gateway|sandbox/);
  await customer.goto(url.replace(/sig=[^&]+/, "sig=tampered"));
  await expect(customer.locator("body")).toContainText("This link is not valid");
  await phone.close();
});
