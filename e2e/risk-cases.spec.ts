import { expect, test, type Page } from "@playwright/test";
import { demoUser, signIn } from "./support/auth";

/**
 * Journey (issue 9): the first sync has run at start-up, so the desk is already populated; sync
 * again from the sandbox, filter by merchant and rule, open a case, take it, add a note, close
 * it with a conclusion; the vendor changes some cases and a second sync runs; the analyst's work
 * is still there. A second journey: snooze a case (it leaves the desk, the 暂缓中 view has it),
 * escalate another to the admin, who finds it from the workbench's to-do.
 */
const sandbox = `http://127.0.0.1:${process.env.SANDBOX_PORT ?? 3400}`;

/** The start-up sync fills the desk by itself; wait for it (a reload shows its progress). */
async function waitForStartupSync(page: Page) {
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("sync-state")).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 1_000 });
  }).toPass({ timeout: 120_000, intervals: [2_000] });
}

async function syncAndWait(page: Page) {
  await expect(page.getByTestId("sync-start")).toBeEnabled({ timeout: 120_000 });
  const before = await page.getByTestId("sync-state").getAttribute("data-status");
  await page.getByTestId("sync-start").click();
  // The worker picks the job up within seconds; the bar follows the pages.
  await expect(page.getByTestId("sync-start")).toBeDisabled();
  await expect(page.getByTestId("sync-start")).toBeEnabled({ timeout: 90_000 });
  await expect(page.getByTestId("sync-state")).toHaveAttribute("data-status", "SUCCEEDED");
  return before;
}

async function shoot(page: Page, name: string) {
  for (const locale of ["zh-CN", "en"]) {
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: new URL(page.url()).origin }]);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.reload();
      await page.waitForLoadState("networkidle");
      await expect(page.locator("h1").last()).toBeVisible();
      await page.screenshot({ path: `e2e/screenshots/${name}-${locale}-${width}.png`, fullPage: true });
    }
  }
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: new URL(page.url()).origin }]);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.reload();
}

test("risk cases: sync → filter by merchant and rule → take, note, close → sync again keeps the work", async ({ page, request }) => {
  test.setTimeout(300_000);
  await signIn(page, "RISK_ANALYST");
  await page.goto("/risk-cases");
  // Nobody pressed sync: the worker's start-up sync filled the desk from the twin.
  await waitForStartupSync(page);
  await expect(page.locator("tbody tr").first()).toBeVisible();
  await expect(page.getByTestId("sync-progress")).toContainText(/\d/);
  // Some bad records from here on, kept and flagged by the next syncs.
  expect((await request.put(`${sandbox}/risk-case/_sandbox/settings`, { data: { badRecordEvery: 97 } })).ok()).toBe(true);
  await syncAndWait(page);
  // The worker may have synced already (it runs at start-up), so the manual run's window can be
  // a single page: what matters is that it finished (pages done = pages in the window).
  await expect(page.getByTestId("sync-progress")).toHaveText(/第 (\d+) \/ \1 页/);
  const firstRow = page.locator("tbody tr").first();
  await expect(firstRow).toBeVisible();

  // Filter by the merchant and rule of the newest case.
  const mercNum = (await firstRow.locator("td").nth(1).locator("span.font-mono").textContent())!.trim();
  const rule = (await firstRow.locator("td").nth(2).textContent())!.trim().split(" ")[0];
  await page.getByRole("searchbox", { name: "商户编号", exact: true }).fill(mercNum);
  await page.getByRole("searchbox", { name: "商户编号", exact: true }).press("Enter");
  await expect(page).toHaveURL(new RegExp(`mercNum=${mercNum}`));
  await page.getByRole("searchbox", { name: "风险规则", exact: true }).fill(rule);
  await page.getByRole("searchbox", { name: "风险规则", exact: true }).press("Enter");
  await expect(page).toHaveURL(new RegExp(`rule=${rule}`));
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toContainText(mercNum);
  await expect(rows.first()).toContainText(rule);
  // Every row left matches both filters (retried until the server's answer has replaced the page).
  await expect(page.locator("tbody tr", { hasNotText: rule })).toHaveCount(0);
  await expect(page.locator("tbody tr", { hasNotText: mercNum })).toHaveCount(0);
  await shoot(page, "risk-cases-list");

  // Open the case, take it, add a note, close it with a conclusion.
  await rows.first().locator("a").first().click();
  await expect(page).toHaveURL(/\/risk-cases\/[a-z0-9]+$/);
  const caseUrl = page.url();
  await expect(page.getByTestId("case-fields")).toContainText("案例编号");
  await expect(page.getByTestId("case-fields")).toContainText(mercNum);
  await page.getByTestId("case-take").click();
  await expect(page.getByTestId("case-assignee")).not.toHaveText("未分配");
  await expect(page.getByTestId("case-status")).toHaveText("调查中");
  await page.getByTestId("note-body").fill("已致电商户，提供近三个月流水。");
  await page.getByTestId("note-submit").click();
  await expect(page.getByTestId("case-notes")).toContainText("已致电商户");

  // The legal person's mobile is masked; showing it asks for a reason.
  await expect(page.getByTestId("case-legalPhone")).toHaveText(/^1\d{2}\*{4}\d{4}$/);
  await page.getByTestId("case-legalPhone-reveal").click();
  await page.getByTestId("case-legalPhone-reason").fill("核实法人身份");
  await page.getByTestId("case-legalPhone-confirm").click();
  await expect(page.getByTestId("case-legalPhone")).toHaveText(/^1\d{10}$/);

  await page.getByTestId("case-close-open").click();
  await page.getByTestId("case-conclusion-select").selectOption("NO_RISK");
  await page.getByTestId("case-conclusion-note").fill("流水正常，无风险。");
  await page.getByTestId("case-close-confirm").click();
  await expect(page.getByTestId("case-status")).toHaveText("已结案");
  await expect(page.getByTestId("case-conclusion")).toContainText("无风险");
  await shoot(page, "risk-case-page");

  // The vendor changes some cases; a second sync runs; our work stays.
  expect((await request.post(`${sandbox}/risk-case/_sandbox/change-cases`)).ok()).toBe(true);
  await page.goto("/risk-cases");
  await syncAndWait(page);
  await page.goto(caseUrl);
  await expect(page.getByTestId("case-status")).toHaveText("已结案");
  await expect(page.getByTestId("case-conclusion")).toContainText("无风险");
  await expect(page.getByTestId("case-notes")).toContainText("已致电商户");
  await expect(page.getByTestId("case-audit")).toContainText("变更案例状态");
  await expect(page.getByTestId("case-audit")).toContainText("NO_RISK");
});

test("risk cases: a snoozed case leaves the desk until its day; an escalation reaches the admin's to-do", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "RISK_ANALYST");
  await page.goto("/risk-cases?status=NEW");
  await waitForStartupSync(page);

  // Snooze the newest new case: the default view no longer lists it, the 暂缓中 view does.
  const snoozedRow = page.locator("tbody tr").first();
  const snoozedNo = (await snoozedRow.locator("td").first().textContent())!.trim();
  await snoozedRow.locator("a").first().click();
  await page.getByTestId("case-snooze-until").fill("2099-01-01");
  await page.getByTestId("case-snooze").click();
  await expect(page.getByTestId("case-snoozed-until")).toBeVisible();
  await page.goto(`/risk-cases?caseNo=${snoozedNo}`);
  await expect(page.locator("tbody tr", { hasText: snoozedNo })).toHaveCount(0);
  await expect(page.getByTestId("snoozed-hidden")).toBeVisible();
  await page.getByTestId("tab-yes").click();
  await expect(page).toHaveURL(/snoozed=yes/);
  await expect(page.locator("tbody tr", { hasText: snoozedNo })).toHaveCount(1);
  await expect(page.locator("tbody tr").first()).toContainText("暂缓中");

  // Bad input in the URL: named, and a reversed range explained, not an error page.
  await page.goto("/risk-cases?status=BOGUS&from=2026-11-30&to=2026-11-01");
  await expect(page.getByTestId("filters-ignored")).toContainText("status=BOGUS");
  await expect(page.getByTestId("range-reversed")).toBeVisible();
  await expect(page.locator("tbody tr", { hasText: "2026" })).toHaveCount(0);

  // Escalate another case to the admin, with a reason.
  await page.goto("/risk-cases?status=NEW");
  const row = page.locator("tbody tr").first();
  const caseNo = (await row.locator("td").first().textContent())!.trim();
  await row.locator("a").first().click();
  const admin = demoUser("ADMIN");
  await page.getByTestId("case-escalate-to").selectOption({ label: admin.displayName });
  await page.getByTestId("case-escalate-reason").fill("单日交易额异常，需管理员判断");
  await page.getByTestId("case-escalate").click();
  await expect(page.getByTestId("case-escalation")).toContainText(admin.displayName);
  await expect(page.getByTestId("case-escalation")).toContainText("单日交易额异常");
  await shoot(page, "risk-case-escalated");

  // The admin sees it on the workbench and follows the to-do into the list.
  await page.context().clearCookies();
  await signIn(page, "ADMIN");
  await page.goto("/");
  await expect(page.getByTestId("todo-count-casesEscalatedToMe")).not.toHaveText("0");
  await page.getByTestId("todo-casesEscalatedToMe").locator("a").click();
  await expect(page).toHaveURL(/escalated=me/);
  await expect(page.locator("tbody tr", { hasText: caseNo })).toHaveCount(1);
  await shoot(page, "risk-cases-escalated-to-me");
  await page.locator("tbody tr", { hasText: caseNo }).locator("a").first().click();
  await expect(page.getByTestId("case-escalation")).toContainText("单日交易额异常");
});
