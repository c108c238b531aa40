import { expect, test, type Page } from "@playwright/test";
import type { Role } from "../lib/auth/roles";
import { signIn } from "./support/auth";
import { createOrder, shootBoth } from "./support/orders";

/**
 * Journey: every console page fits a 390 px phone for every role, in both languages — no
 * sideways scroll (`scrollWidth ≤ innerWidth`); wide tables scroll inside their own box.
 * English labels run longer than Chinese ones, so both are checked.
 */

const PAGES = [
  "/", "/pretrial", "/pretrial/new", "/capital", "/risk-scores", "/risk-scores/new", "/risk-scores/settings",
  "/risk-cases", "/credit-reports", "/custody", "/projects", "/reconciliation", "/inbox", "/audit", "/users",
];
const ROLES: Role[] = ["LOAN_OFFICER", "RISK_ANALYST", "FINANCE", "ADMIN"];

async function overflow(page: Page) {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
}

/** Detail pages found through the lists, so the journey needs no ids of its own. */
async function detailLinks(page: Page, list: string, pattern: RegExp, max = 1): Promise<string[]> {
  await page.goto(list);
  const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  return [...new Set(hrefs.filter((h) => pattern.test(h)))].slice(0, max);
}
const firstDetailLink = async (page: Page, list: string, pattern: RegExp) => (await detailLinks(page, list, pattern))[0] ?? null;

let orderUrl: string | null = null;

test.beforeAll(async ({ browser }) => {
  // One order (and so callbacks in the inbox) for the detail pages.
  const page = await browser.newPage();
  await signIn(page, "LOAN_OFFICER");
  orderUrl = `/pretrial/${await createOrder(page.request)}`;
  await page.close();
});

for (const role of ROLES) {
  test(`every page fits 390 px: ${role}`, async ({ page }) => {
    test.setTimeout(360_000);
    await signIn(page, role);
    // Orders in several states (passed, declined, 主体不存在 when the order journeys ran first).
    const details = [
      orderUrl,
      ...(await detailLinks(page, "/pretrial", /^\/pretrial\/[a-z0-9]{10,}$/, 6)),
      await firstDetailLink(page, "/inbox", /^\/inbox\/\d+$/),
      await firstDetailLink(page, "/risk-scores", /^\/risk-scores\/[a-z0-9]{10,}$/),
    ].filter((u): u is string => !!u);
    await page.setViewportSize({ width: 390, height: 844 });
    const wide: string[] = [];
    for (const locale of ["zh-CN", "en"]) {
      await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: new URL(page.url()).origin }]);
      for (const url of [...PAGES, ...details]) {
        await page.goto(url);
        await page.waitForLoadState("networkidle").catch(() => undefined);
        const { scrollWidth, innerWidth } = await overflow(page);
        if (scrollWidth > innerWidth) wide.push(`${locale} ${url}: ${scrollWidth} > ${innerWidth}`);
      }
    }
    expect(wide, "pages wider than the phone").toEqual([]);
  });
}

test("screenshots of the admin pages in both languages, desktop and phone", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, "ADMIN");
  const inbox = await firstDetailLink(page, "/inbox", /^\/inbox\/\d+$/);
  const shots: [string, string | null][] = [
    ["audit", "/audit"],
    ["capital", "/capital"],
    ["inbox-list", "/inbox"],
    ["inbox-event", inbox],
    ["pretrial-new-admin", "/pretrial/new"],
    ["risk-profile-new", "/risk-scores/new"],
  ];
  for (const [name, url] of shots) {
    if (!url) continue;
    await page.goto(url);
    await shootBoth(page, name);
  }
  // The inbox's guarded actions: a reason before reveal, a confirmation before a re-run.
  if (inbox) {
    await page.goto(inbox);
    await page.getByTestId("inbox-reveal").click();
    await page.getByTestId("inbox-reveal-confirm").click();
    await expect(page.getByTestId("inbox-reveal-dialog").locator("[data-invalid]")).toHaveCount(1);
    await page.getByTestId("inbox-reveal-dialog").locator("textarea").fill("核对回调内容");
    await page.getByTestId("inbox-reveal-confirm").click();
    await expect(page.getByTestId("inbox-body-revealed")).toBeVisible();
    // The event was processed: re-running it asks first.
    await page.getByTestId("inbox-rerun").click();
    await expect(page.getByTestId("inbox-rerun-confirm")).toBeVisible();
    await page.getByTestId("inbox-rerun-confirm").getByRole("button", { name: "取消" }).click();
    await expect(page.getByTestId("inbox-rerun-confirm")).toHaveCount(0);
    await expect(page.getByTestId("inbox-target-link")).toHaveAttribute("href", /^\/pretrial\//);
    const download = await page.request.get(`${inbox.replace("/inbox/", "/api/inbox/")}/body`);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toContain("attachment");
    await page.goto("/audit");
    await expect(page.locator("main")).toContainText("核对回调内容");
    await expect(page.locator("main")).toContainText("查看敏感信息");
  }
});

test("officer: new order form checks fields as they are filled in", async ({ page }) => {
  await signIn(page, "LOAN_OFFICER");
  await page.goto("/pretrial/new");
  await expect(page.getByTestId("order-config")).toHaveCount(0);
  const mobile = page.locator('input[name="mobile"]');
  const field = page.locator("[data-slot=form-field]", { has: mobile });
  // Typed before the form has hydrated, a blur has no handler yet: type again until it checks.
  await expect(async () => {
    await mobile.fill("123");
    await mobile.blur();
    await expect(field).toHaveAttribute("data-invalid", "true", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(field.locator("[data-slot=form-message] p")).toHaveCount(1);
  await mobile.fill("13912345678");
  await expect(field).not.toHaveAttribute("data-invalid", "true");
  // A refused submit lists every bad field, the photos too, and puts the cursor on the first.
  await page.getByTestId("submit-order").click();
  await expect(page.locator('input[name="customerName"]')).toBeFocused();
  await expect(page.locator("[data-slot=form-field][data-invalid]")).toHaveCount(4);
  await expect(page.locator("[data-slot=form-field][data-invalid] [data-slot=form-message] p")).toHaveCount(4);
  await shootBoth(page, "pretrial-new-errors");
});
