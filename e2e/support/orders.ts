import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { PNG_PHOTO, syntheticApplicant } from "./people";

/** A new order through the console's own endpoint, as the signed-in page's user. */
export async function createOrder(request: APIRequestContext, opts: { name?: string; outcome?: "pass-A" | "fail-D" } = {}) {
  const applicant = syntheticApplicant(opts.outcome ?? "pass-A");
  const created = await request.post("/api/pretrial/orders", {
    multipart: {
      idempotencyKey: crypto.randomUUID(),
      customerName: opts.name ?? applicant.name,
      idNumber: applicant.idNumber,
      mobile: applicant.mobile,
      photoFront: { name: "front.png", mimeType: "image/png", buffer: PNG_PHOTO },
      photoBack: { name: "back.png", mimeType: "image/png", buffer: PNG_PHOTO },
    },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { orderId: string }).orderId;
}

/** The order's signing link, once 万网 (the sandbox) answered. */
export async function contractUrlOf(request: APIRequestContext, orderId: string): Promise<string> {
  let url: string | null = null;
  await expect
    .poll(async () => {
      const res = await request.get(`/api/pretrial/orders/${orderId}`);
      url = ((await res.json()) as { contractUrl: string | null }).contractUrl;
      return url;
    }, { timeout: 30_000 })
    .toBeTruthy();
  return url!;
}

/** The customer's phone: opens the signing link and signs or declines. */
export async function customerDecides(browser: Browser, link: string, decision: "sign" | "decline") {
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
  await phone.goto(link);
  await phone.getByRole("button", { name: decision === "sign" ? "同意并签署" : "拒绝" }).click();
  await expect(phone.locator("body")).toContainText(decision === "sign" ? "签署成功" : "已拒绝");
  await phone.close();
}

export async function setLocale(page: Page, locale: "zh-CN" | "en") {
  const url = new URL(page.url() === "about:blank" ? "http://localhost" : page.url());
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, domain: url.hostname, path: "/" }]);
}

/** Full-page screenshots of the current page in both languages, desktop and phone (kept out of git). */
export async function shootBoth(page: Page, name: string) {
  for (const locale of ["zh-CN", "en"] as const) {
    await setLocale(page, locale);
    for (const [label, width] of [["desktop", 1280], ["phone", 390]] as const) {
      await page.setViewportSize({ width, height: label === "phone" ? 844 : 900 });
      await page.reload();
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await page.waitForLoadState("networkidle").catch(() => undefined);
      await page.screenshot({ path: `e2e/screenshots/${name}-${locale}-${label}.png`, fullPage: true });
    }
  }
  await setLocale(page, "zh-CN");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.reload();
}
