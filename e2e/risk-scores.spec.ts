import { expect, test } from "@playwright/test";
import { generateSyntheticMobile } from "../lib/pii/id-card";
import { signIn } from "./support/auth";
import { PNG_PHOTO, syntheticApplicant } from "./support/people";

const OPERATOR_REPORT = JSON.stringify({
  loanBangData: { report: [{ key: "data_type", value: "运营商" }, { key: "source_name", value: "示例运营商" }] },
  originalLoanBangData: { code: 0, message: "正常", calls: [] },
});

/** Journey: from a pretrial order, fill the applicant profile, request the score, read score, cut-off and decision. */
test("risk score from a pretrial order: profile → score → cut-off and decision", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "LOAN_OFFICER");
  const applicant = syntheticApplicant("pass-A");
  const created = await page.request.post("/api/pretrial/orders", {
    multipart: {
      idempotencyKey: crypto.randomUUID(),
      customerName: applicant.name,
      idNumber: applicant.idNumber,
      mobile: applicant.mobile,
      photoFront: { name: "front.png", mimeType: "image/png", buffer: PNG_PHOTO },
      photoBack: { name: "back.png", mimeType: "image/png", buffer: PNG_PHOTO },
    },
  });
  expect(created.status()).toBe(201);
  const { orderId } = (await created.json()) as { orderId: string };

  await page.goto(`/pretrial/${orderId}`);
  await page.getByTestId("order-risk-score-action").click();
  await expect(page).toHaveURL(/\/risk-scores\/new\?order=/);
  const form = page.getByTestId("risk-profile-form");
  await expect(form.locator('input[name="realName"]')).toHaveValue(applicant.name);
  await expect(form.locator('input[name="idNumber"]')).toHaveValue(applicant.idNumber);

  await form.locator('input[name="userAddress"]').fill("上海市浦东新区示例路 88 号");
  await form.locator('input[name="relation1"]').fill("父母");
  await form.locator('input[name="name1"]').fill("示例联系人甲");
  await form.locator('input[name="phone1"]').fill("123");
  await form.locator('input[name="relation2"]').fill("朋友");
  await form.locator('input[name="name2"]').fill("示例联系人乙");
  await form.locator('input[name="phone2"]').fill(generateSyntheticMobile(Math.random));
  await form.locator('input[name="channelId"]').fill("AppStore");
  await form.locator('select[name="channelKind"]').selectOption("REFERRAL"); // referrals default to 650 too (附录二: 前期上线先用650)
  await form.locator('input[name="consumeAmount"]').fill("1000.00");
  await form.locator('input[name="operatorReport"]').setInputFiles({ name: "report.json", mimeType: "application/json", buffer: Buffer.from(OPERATOR_REPORT) });

  // A bad contact mobile is refused on the field; nothing is scored.
  await page.getByTestId("submit-profile").click();
  await expect(form.locator('[data-slot=form-field][data-invalid]')).toHaveCount(1);
  await expect(page).toHaveURL(/\/risk-scores\/new/);

  await form.locator('input[name="phone1"]').fill(generateSyntheticMobile(Math.random));
  await form.locator('input[name="operatorReport"]').setInputFiles({ name: "report.json", mimeType: "application/json", buffer: Buffer.from(OPERATOR_REPORT) });
  await page.getByTestId("submit-profile").click();

  await expect(page).toHaveURL(/\/risk-scores\/[a-z0-9]+$/, { timeout: 30_000 });
  await expect(page.getByTestId("score-value")).toHaveText(/^\d{3}\.\d+$/);
  const outcome = await page.getByTestId("score-decision").getAttribute("data-outcome");
  expect(["pass", "fail"]).toContain(outcome);
  await expect(page.getByTestId("score-explanation")).toContainText("650");
  await page.getByTestId("history-lookup").click();
  await expect(page.getByTestId("history-answer")).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/risk-score-zh.png", fullPage: true });

  // The order shows its score.
  await page.goto(`/pretrial/${orderId}`);
  await expect(page.getByTestId("order-risk-score")).toContainText("650");

  await page.goto("/risk-scores");
  await expect(page.getByTestId("score-distribution")).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/risk-scores-list-zh.png", fullPage: true });
  await page.getByTestId("language-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.screenshot({ path: "e2e/screenshots/risk-scores-list-en.png", fullPage: true });
  await page.getByTestId("language-switch").click();
});

test("admins edit the cut-offs; the change is audited", async ({ page }) => {
  await signIn(page, "ADMIN");
  await page.goto("/risk-scores/settings");
  const form = page.getByTestId("cutoffs-form");
  await form.locator('input[name="NATURAL"]').fill("655");
  await page.getByTestId("save-cutoffs").click();
  await expect(page.locator("[data-sonner-toast]")).toBeVisible();
  await page.goto("/audit?action=riskScore.setCutoffs");
  await expect(page.locator("main")).toContainText("修改准入分");
  await page.goto("/risk-scores/settings");
  await expect(page.getByTestId("cutoffs-form").locator('input[name="NATURAL"]')).toHaveValue("655");
  await page.screenshot({ path: "e2e/screenshots/risk-cutoffs-zh.png", fullPage: true });
  await page.getByTestId("cutoffs-form").locator('input[name="NATURAL"]').fill("650");
  await page.getByTestId("save-cutoffs").click();
  await expect(page.locator("[data-sonner-toast]")).toBeVisible();
});
