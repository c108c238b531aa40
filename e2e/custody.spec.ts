import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { shootBoth } from "./support/orders";

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
