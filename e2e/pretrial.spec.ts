import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { PNG_PHOTO, syntheticApplicant } from "./support/people";
import { readQrCode } from "./support/qr";

/**
 * Journey: a loan officer creates an order, the QR appears, the customer opens the link the QR
 * encodes on a phone and signs, and the order page reaches the result with its capital list —
 * without the test reloading it.
 */
test("loan officer: new order → QR → customer signs → result with capital list", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, "LOAN_OFFICER");
  await page.goto("/pretrial/new");
  // A name no other order has, so the search by name below finds exactly this one.
  const applicant = { ...syntheticApplicant("pass-A"), name: `测${String.fromCodePoint(0x4e00 + Math.floor(Math.random() * 0x5000))}${String.fromCodePoint(0x4e00 + Math.floor(Math.random() * 0x5000))}` };

  // Bad input first: nothing is sent, the fields say why.
  await page.locator('input[name="customerName"]').fill(applicant.name);
  await page.locator('input[name="idNumber"]').fill(`${applicant.idNumber.slice(0, 17)}${applicant.idNumber[17] === "1" ? "2" : "1"}`);
  await page.locator('input[name="mobile"]').fill("12345");
  await page.getByTestId("submit-order").click();
  await expect(page.locator("[data-slot=form-field][data-invalid]")).toHaveCount(4);
  await expect(page).toHaveURL(/\/pretrial\/new$/);

  await page.locator('input[name="idNumber"]').fill(applicant.idNumber);
  await expect(page.getByTestId("id-derived")).toContainText("1988");
  await page.locator('input[name="mobile"]').fill(applicant.mobile);
  await page.locator('input[name="dealerName"]').fill("合肥示例汽车销售有限公司");
  await page.locator('input[name="photoFront"]').setInputFiles({ name: "front.png", mimeType: "image/png", buffer: PNG_PHOTO });
  await page.locator('input[name="photoBack"]').setInputFiles({ name: "back.png", mimeType: "image/png", buffer: PNG_PHOTO });
  await page.getByTestId("submit-order").click();

  await expect(page).toHaveURL(/\/pretrial\/[a-z0-9]+$/);
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "AWAITING_SIGNATURE");
  const qr = page.getByTestId("signing-qr");
  await expect(qr.locator("svg")).toBeVisible();
  const box = await qr.boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(250);
  const link = await readQrCode(qr);
  expect(link).toMatch(/\/wanwang\/sign\?signLinkId=\d+/);
  await page.screenshot({ path: "e2e/screenshots/pretrial-awaiting-zh.png", fullPage: true });

  // The customer's phone.
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
  await phone.goto(link);
  await phone.screenshot({ path: "e2e/screenshots/sandbox-sign-page.png" });
  await phone.getByRole("button", { name: "同意并签署" }).click();
  await expect(phone.locator("body")).toContainText("签署成功");

  // The order page follows the callbacks on its own.
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "PASSED", { timeout: 60_000 });
  await expect(page.getByTestId("customer-level")).toHaveText("A");
  await expect(page.getByTestId("capital-list").locator("tbody tr").first()).toBeVisible();
  const timeline = page.getByTestId("order-timeline");
  for (const ev of ["SUBMITTED", "SIGNED_0", "SIGNED_1", "SIGNED_2", "SIGNED_3", "RESULT"]) {
    await expect(timeline.locator(`[data-event="${ev}"]`)).toHaveCount(1);
  }
  await page.screenshot({ path: "e2e/screenshots/pretrial-passed-zh.png", fullPage: true });
  await page.getByTestId("language-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.screenshot({ path: "e2e/screenshots/pretrial-passed-en.png", fullPage: true });
  await page.getByTestId("language-switch").click();

  // The list finds it by exact ID number (blind index), and the capital area counts it.
  await page.goto("/pretrial");
  await page.getByTestId("person-filter").fill(applicant.idNumber);
  await page.getByTestId("person-filter").press("Enter");
  await expect(page.getByTestId("person-filter-active")).toBeVisible();
  await expect(page.locator("tbody tr")).toHaveCount(1);
  expect(page.url()).not.toContain(applicant.idNumber);
  await page.screenshot({ path: "e2e/screenshots/pretrial-list-zh.png", fullPage: true });

  // …and by full name (blind index of the normalised name): the row shows it masked, the URL
  // carries only the token. Another name finds nothing.
  await page.getByTestId("person-filter-active").getByRole("button").click();
  await expect(page.getByTestId("person-filter")).toHaveAttribute("placeholder", "身份证号、手机号或姓名（精确）");
  await page.getByTestId("person-filter").fill(` ${applicant.name} `);
  await page.getByTestId("person-filter").press("Enter");
  await expect(page.getByTestId("person-filter-active")).toContainText("姓名");
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(page.locator("tbody tr").first()).toContainText(`${applicant.name[0]}*${applicant.name[2]}`);
  await expect(page.locator("tbody tr").first()).not.toContainText(applicant.name);
  expect(decodeURIComponent(page.url())).not.toContain(applicant.name);
  await page.screenshot({ path: "e2e/screenshots/pretrial-list-name-zh.png", fullPage: true });
  await page.getByTestId("person-filter-active").getByRole("button").click();
  await page.getByTestId("person-filter").fill("李明");
  await page.getByTestId("person-filter").press("Enter");
  await expect(page.getByTestId("person-filter-active")).toBeVisible();
  await expect(page.getByTestId("person-filter-error")).toHaveCount(0);
  await expect(page.locator("tbody tr").filter({ hasText: applicant.name[0] + "*" })).toHaveCount(0);
  await page.goto("/capital");
  await expect(page.getByTestId("capital-catalogue").locator("tbody tr").first()).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/capital-zh.png", fullPage: true });
});
