import { expect, test, type Page } from "@playwright/test";
import { generateSyntheticBankCard, generateSyntheticIdNumber, generateSyntheticMobile } from "../lib/pii/id-card";
import { signIn } from "./support/auth";
import { viaGateway as throughGateway } from "./support/custody-gateway";
import { setLocale } from "./support/orders";

/**
 * Journey on the 联银通 twin (issue 11 "Done means"): register a borrower and two investors,
 * recharge, create a project, both investors tender, confirm the loan with a second user
 * approving, move the project to repaying, repay with interest — every customer step through
 * the twin's gateway pages in the browser, every NOTIFY into the console — and each account's
 * ledger balances match the twin's own QUERY_USER_INFORMATION.
 */
const run = Date.now().toString(36).toUpperCase().slice(-6);
const B = `EB${run}`;
const I1 = `EX${run}`;
const I2 = `EY${run}`;
const P = `EP${run}`;


/** A customer step from the form `formTestId` (the journey starts them from several forms). */
const viaGateway = (page: Page, formTestId: string, fields: Record<string, string>) => throughGateway(page, fields, formTestId);

async function approveAll(admin: Page) {
  await admin.goto("/custody");
  const approve = admin.getByTestId("approve").first();
  await expect(approve).toBeVisible();
  await approve.click();
  await expect(admin.getByTestId("approve")).toHaveCount(0, { timeout: 15_000 });
}

test("register, recharge, project, tenders, approved loan, repaying, repayment: ledger = custody", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await signIn(page, "FINANCE");
  const adminPage = await browser.newPage();
  await signIn(adminPage, "ADMIN");

  let seed = 7;
  const rng = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
  for (const [no, amount] of [[B, "2000.00"], [I1, "10000.00"], [I2, "10000.00"]] as const) {
    await page.goto("/custody");
    await page.getByTestId("op-service").selectOption("PERSONAL_REGISTER");
    await viaGateway(page, "op-gateway", { platformUserNo: no, realName: "测试用户", idCardNo: generateSyntheticIdNumber(rng), mobile: generateSyntheticMobile(rng), bankcardNo: generateSyntheticBankCard(rng) });
    await page.goto("/custody");
    await page.getByTestId("op-service").selectOption("RECHARGE");
    await viaGateway(page, "op-gateway", { platformUserNo: no, amount });
  }

  await page.goto("/custody");
  const newProject = page.getByTestId("op-new-project");
  await newProject.getByTestId("op-projectNo").fill(P);
  await newProject.getByTestId("op-borrower").fill(B);
  await newProject.getByTestId("op-name").fill("端到端测试标的");
  await newProject.getByTestId("op-project-amount").fill("10000.00");
  // The repayment way is a select of §5.3.17's codes, labelled in the UI language.
  await expect(newProject.getByTestId("op-repaymentWay").locator("option")).toHaveText(["一次性还本付息", "先息后本", "等额本息", "等额本金"]);
  await newProject.getByTestId("op-repaymentWay").selectOption("ONE_TIME_SERVICING");
  await newProject.getByRole("button").click();
  await expect(newProject).toContainText(/已创建|Created/);

  for (const [investor, amount] of [[I1, "6000.00"], [I2, "4000.00"]] as const) {
    await page.goto(`/projects/${P}`);
    await viaGateway(page, "op-tender", { platformUserNo: investor, amount });
  }

  await page.goto(`/projects/${P}`);
  const loan = page.getByTestId("op-confirm-loan");
  await loan.getByTestId("op-commission").fill("100.00");
  await loan.getByRole("button").click();
  await expect(loan).toContainText(/已提交审批|Sent for approval/);
  // The maker cannot approve: no button for them.
  await page.goto("/custody");
  await expect(page.getByTestId("custody-approvals").getByTestId("approve")).toHaveCount(0);
  await approveAll(adminPage);

  await page.goto(`/projects/${P}`);
  await page.getByTestId("propose-REPAYING").click();
  await expect(page.getByTestId("project-operations")).toContainText(/已提交审批|Sent for approval/);
  await approveAll(adminPage);

  await page.goto(`/projects/${P}`);
  const hold = await viaGateway(page, "op-repayment-pre", { amount: "10550.00" });
  await page.goto(`/projects/${P}`);
  const repay = page.getByTestId("op-confirm-repayment");
  await repay.getByTestId("op-preTransactionNo").fill(hold);
  await repay.getByTestId("op-interest").fill("500.00");
  await repay.getByRole("button").click();
  await expect(repay).toContainText(/已提交审批|Sent for approval/);
  await approveAll(adminPage);

  for (const no of [B, I1, I2]) {
    await page.goto(`/custody/accounts/${no}`);
    await expect(page.getByTestId("account-check")).toContainText(/一致|Match/);
    await expect(page.getByTestId("account-check")).not.toContainText(/不一致|Mismatch/);
  }
  await page.goto(`/custody/accounts/${I1}`);
  await page.screenshot({ path: "e2e/screenshots/custody-account-check-zh-CN-desktop.png", fullPage: true });
  await page.goto(`/projects/${P}`);
  await page.screenshot({ path: "e2e/screenshots/custody-project-zh-CN-desktop.png", fullPage: true });
  // The repaying project's debt-transfer form, submitted empty: one translated message per field.
  for (const locale of ["zh-CN", "en"] as const) {
    await setLocale(page, locale);
    for (const [label, width] of [["desktop", 1280], ["phone", 390]] as const) {
      await page.setViewportSize({ width, height: label === "phone" ? 844 : 900 });
      await page.goto(`/projects/${P}`);
      await page.getByTestId("op-debt-transfer-toggle").click();
      await page.getByTestId("op-debt-transfer-submit").click();
      await expect(page.getByTestId("op-debt-transfer").locator("[data-slot=form-message]")).toHaveCount(5);
      // Several sellers in one confirmation: a second line, its four fields checked too.
      await page.getByTestId("op-add-seller").click();
      await page.getByTestId("op-debt-transfer-submit").click();
      await expect(page.getByTestId("op-debt-transfer").locator("[data-slot=form-message]")).toHaveCount(9);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.screenshot({ path: `e2e/screenshots/custody-project-forms-${locale}-${label}.png`, fullPage: true });
    }
  }
  // The request log names the interfaces in the UI language (then the wire name).
  await setLocale(page, "en");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/custody/transactions?ref=${P}`);
  await expect(page.locator("main")).toContainText("Confirm loan CONFIRM_LOAN");
  await expect(page.locator("main")).not.toContainText("放款确认");
  await page.screenshot({ path: "e2e/screenshots/custody-requests-en-desktop.png", fullPage: true });
  await setLocale(page, "zh-CN");
  await adminPage.close();
});
