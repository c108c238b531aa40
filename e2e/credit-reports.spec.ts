import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";

/**
 * Journey: an analyst uploads a sample report PDF, watches recognition progress, reads the
 * indicators, switches account tabs, reads a 60-month repayment grid and opens the original PDF
 * beside the report. The DeepFinch twin is slowed down so the progress is visible.
 */
const FIXTURES = path.join(process.cwd(), "lib/sandbox/deepfinch/fixtures");
const sandboxUrl = `http://127.0.0.1:${process.env.SANDBOX_PORT ?? 3400}`;

async function twinSettings(body: object) {
  const res = await fetch(`${sandboxUrl}/deepfinch/_sandbox/settings`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(res.ok).toBe(true);
}

async function shoot(page: Page, name: string) {
  for (const [lang, viewport] of [["zh", { width: 1280, height: 900 }], ["zh", { width: 390, height: 844 }], ["en", { width: 390, height: 844 }], ["en", { width: 1280, height: 900 }]] as const) {
    const current = await page.locator("html").getAttribute("lang");
    if ((lang === "en") !== (current === "en")) {
      await page.getByTestId("language-switch").click();
      await expect(page.locator("html")).toHaveAttribute("lang", lang === "en" ? "en" : "zh-CN");
    }
    await page.setViewportSize(viewport);
    // Nothing scrolls sideways on a phone: wide tables and grids scroll inside their own box.
    const fit = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(fit, `${name} ${lang} ${viewport.width}px scrolls sideways`).toBe(true);
    await page.screenshot({ path: `e2e/screenshots/credit-report-${name}-${lang}-${viewport.width}.png`, fullPage: name !== "viewer" });
  }
  await page.getByTestId("language-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("credit report: upload → progress → viewer, account tabs, repayment grid, indicators, PDF beside it", async ({ page }) => {
  test.setTimeout(180_000);
  await twinSettings({ recogniseMs: 2_500, accountCount: 14 });
  await signIn(page, "RISK_ANALYST");

  await page.goto("/credit-reports");
  await page.getByTestId("upload-report").click();
  await expect(page).toHaveURL(/\/credit-reports\/new/);
  await page.locator('input[name="file"]').setInputFiles(path.join(FIXTURES, "credit-report-sample-1.pdf"));
  await page.getByTestId("upload-submit").click();

  await expect(page).toHaveURL(/\/credit-reports\/(?!new$)[a-z0-9]+$/, { timeout: 30_000 });
  const reportUrl = page.url();
  const progress = page.getByTestId("recognition-progress");
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute("data-status", /UPLOADED|RECOGNISING/);

  const viewer = page.getByTestId("report-viewer");
  await expect(viewer).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("indicator-queries")).toBeVisible();
  await expect(page.getByTestId("indicator-worstStatus24m")).toContainText(/[N1-7BCDGZ#*/]/);
  await expect(page.getByTestId("section-header")).toBeVisible();
  await expect(page.getByTestId("section-queries").locator("tbody tr").first()).toBeVisible();

  // Account tabs: credit cards, then the grid of the first card.
  await page.getByTestId("tab-creditCard").click();
  const cards = page.getByTestId("accounts-creditCard");
  await expect(cards).toBeVisible();
  const grid = cards.getByTestId("account-card").first().getByTestId("repayment-grid");
  await expect(grid.getByRole("gridcell")).toHaveCount(60);
  await expect(grid.locator('[data-state="N"]').first()).toBeVisible();
  await expect(page.getByTestId("grid-legend")).toContainText("N");
  // An account's other fields and monthly amounts are fetched when it is unfolded (not in the page).
  await cards.getByTestId("account-card").first().locator("summary").click();
  await expect(cards.getByTestId("account-details").first()).toBeVisible();
  await page.getByTestId("tab-acyclicLoan").click();
  await expect(page.getByTestId("accounts-acyclicLoan").getByTestId("account-card").first()).toBeVisible();
  await shoot(page, "viewer");

  // The original PDF beside it, rendered by pdf.js in the browser.
  await page.getByTestId("show-pdf").click();
  await expect(page.getByTestId("pdf-page")).toHaveText(/1/, { timeout: 30_000 });
  await expect(page.getByTestId("pdf-canvas")).toBeVisible();
  const painted = await page.getByTestId("pdf-canvas").evaluate((c: HTMLCanvasElement) => c.width > 100 && c.height > 100);
  expect(painted).toBe(true);
  await page.screenshot({ path: "e2e/screenshots/credit-report-pdf-zh-1280.png" });

  // The same file again opens the same report; the list shows it with its indicators.
  await page.goto("/credit-reports/new");
  await page.locator('input[name="file"]').setInputFiles(path.join(FIXTURES, "credit-report-sample-1.pdf"));
  await page.getByTestId("upload-submit").click();
  await expect(page).toHaveURL(reportUrl);
  await page.goto("/credit-reports");
  await expect(page.locator("tbody tr").first()).toContainText("已完成");
  await shoot(page, "list");
});

test("credit report: a scan fails with the vendor's reason in the user's language", async ({ page }) => {
  test.setTimeout(120_000);
  await twinSettings({ recogniseMs: 0 });
  await signIn(page, "RISK_ANALYST");
  await page.goto("/credit-reports/new");
  await page.locator('input[name="file"]').setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: readFileSync(path.join(FIXTURES, "credit-report-scanned.pdf")) });
  await page.getByTestId("upload-submit").click();
  await expect(page.getByTestId("failure-reason")).toContainText("没有文字层", { timeout: 60_000 });

  // Not a PDF: refused before anything is stored, with a translated message.
  await page.goto("/credit-reports/new");
  await page.locator('input[name="file"]').setInputFiles({ name: "x.pdf", mimeType: "application/pdf", buffer: Buffer.from("hello") });
  await page.getByTestId("upload-submit").click();
  await expect(page.getByTestId("upload-error")).toContainText("PDF");
});
