import { expect, test, type Page } from "@playwright/test";
import { generateSyntheticMobile } from "../lib/pii/id-card";
import { signIn } from "./support/auth";
import { createOrder } from "./support/orders";

/**
 * Journey: names and addresses stay masked on every page that shows them (order page, pretrial
 * list, score page, score list), in both languages, on a desktop and a phone — not even hidden
 * in the page's HTML or its React payload. The officer reveals the customer's name on purpose.
 */
const cjk = () => String.fromCodePoint(0x4e00 + Math.floor(Math.random() * 0x5000));
const person = {
  name: `测${cjk()}${cjk()}`,
  contact1: `联${cjk()}${cjk()}`,
  contact2: `系${cjk()}${cjk()}`,
  address: `上海市浦东新区${cjk()}${cjk()}路 ${Math.floor(Math.random() * 900) + 100} 号`,
};
const CLEAR = Object.values(person);
const OPERATOR_REPORT = JSON.stringify({ loanBangData: { report: [{ key: "data_type", value: "运营商" }] }, originalLoanBangData: { code: 0, message: "正常" } });

async function expectNothingClear(page: Page) {
  const html = await page.content();
  for (const value of CLEAR) expect(html, `page ${page.url()} holds a clear value`).not.toContain(value);
}

async function shoot(page: Page, name: string) {
  for (const [lang, viewport] of [["zh", { width: 1280, height: 900 }], ["zh", { width: 390, height: 844 }], ["en", { width: 390, height: 844 }], ["en", { width: 1280, height: 900 }]] as const) {
    const current = await page.locator("html").getAttribute("lang");
    if ((lang === "en") !== (current === "en")) {
      await page.getByTestId("language-switch").click();
      await expect(page.locator("html")).toHaveAttribute("lang", lang === "en" ? "en" : "zh-CN");
    }
    await page.setViewportSize(viewport);
    await expectNothingClear(page);
    await page.screenshot({ path: `e2e/screenshots/pii-${name}-${lang}-${viewport.width}.png`, fullPage: true });
  }
  await page.getByTestId("language-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("names and addresses are masked on every page; the officer reveals the name on purpose", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "LOAN_OFFICER");
  const orderId = await createOrder(page.request, { name: person.name });

  await page.goto(`/pretrial/${orderId}`);
  await expect(page.getByTestId("customer-name")).toHaveText(`${person.name[0]}*${person.name[2]}`);
  await shoot(page, "order");
  await page.getByTestId("customer-name-reveal").click();
  await expect(page.getByTestId("customer-name")).toHaveText(person.name);
  await page.getByTestId("customer-name-reveal").click();
  await expect(page.getByTestId("customer-name")).toHaveText(`${person.name[0]}*${person.name[2]}`);

  await page.goto("/pretrial");
  await page.getByTestId("person-filter").fill(person.name);
  await page.getByTestId("person-filter").press("Enter");
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await shoot(page, "pretrial-list");
  await page.getByTestId("person-filter-active").getByRole("button").click();
  await page.getByTestId("person-filter").fill("12345");
  await page.getByTestId("person-filter").press("Enter");
  await expect(page.getByTestId("person-filter-error")).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/pii-person-error-zh-1280.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "e2e/screenshots/pii-person-error-zh-390.png" });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByTestId("person-filter").fill("");
  await expect(page.getByTestId("person-filter-error")).toHaveCount(0);
  await page.getByTestId("language-switch").click();
  await expect(page.getByTestId("person-filter")).toHaveAttribute("placeholder", "ID number, mobile or full name (exact)");
  await page.screenshot({ path: "e2e/screenshots/pii-person-box-en-1280.png" });
  await page.getByTestId("language-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  // The applicant profile, from the order: the name comes prefilled (an audited reveal).
  await page.goto(`/pretrial/${orderId}`);
  await page.getByTestId("order-risk-score-action").click();
  const form = page.getByTestId("risk-profile-form");
  await expect(form.locator('input[name="realName"]')).toHaveValue(person.name);
  await form.locator('input[name="userAddress"]').fill(person.address);
  await form.locator('input[name="relation1"]').fill("父母");
  await form.locator('input[name="name1"]').fill(person.contact1);
  await form.locator('input[name="phone1"]').fill(generateSyntheticMobile(Math.random));
  await form.locator('input[name="relation2"]').fill("朋友");
  await form.locator('input[name="name2"]').fill(person.contact2);
  await form.locator('input[name="phone2"]').fill(generateSyntheticMobile(Math.random));
  await form.locator('input[name="channelId"]').fill("AppStore");
  await form.locator('input[name="operatorReport"]').setInputFiles({ name: "report.json", mimeType: "application/json", buffer: Buffer.from(OPERATOR_REPORT) });
  await page.getByTestId("submit-profile").click();
  await expect(page).toHaveURL(/\/risk-scores\/[a-z0-9]+$/, { timeout: 30_000 });
  await expect(page.getByTestId("score-value")).toHaveText(/^\d{3}\.\d+$/, { timeout: 30_000 });
  await expect(page.locator("main")).toContainText(`${person.contact1[0]}*`);
  await shoot(page, "score");

  await page.goto("/risk-scores");
  await expect(page.locator("main")).toContainText(`${person.name[0]}*${person.name[2]}`);
  await shoot(page, "scores-list");
});
