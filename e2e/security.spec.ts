import { expect, test } from "@playwright/test";
import { demoUser, signIn } from "./support/auth";

/** Issue 8 security items a browser sees: headers and CSP, redirect after sign-in, sign-out, cross-site POST. */

test.beforeEach(async ({ page }) => {
  // Collect CSP violations from the first script on.
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
});

const violations = (page: import("@playwright/test").Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

test("pages carry the security headers and work under the CSP (fonts, Radix, theme script)", async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) consoleErrors.push(m.text());
  });
  const response = await page.goto("/login");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-powered-by"]).toBeUndefined();
  expect(headers["strict-transport-security"]).toBeUndefined(); // http here; https adds it

  // next-themes' inline script ran (it sets the theme class before hydration).
  await expect(page.locator("html")).toHaveClass(/light|dark/);
  await signIn(page, "LOAN_OFFICER");
  await page.goto("/pretrial");
  await expect(page.locator("main")).toBeVisible();
  // A Radix popover/menu (inline styles) opens.
  const trigger = page.locator("main button[aria-haspopup]").first();
  if (await trigger.count()) {
    await trigger.click();
    await expect(page.locator("[role=menu], [role=listbox], [role=dialog]").first()).toBeVisible();
    await page.keyboard.press("Escape");
  }
  // The geist fonts (self-hosted by next/font) loaded under font-src 'self'.
  await page.evaluate(() => document.fonts.ready);
  expect(await page.evaluate(() => [...document.fonts].some((f) => f.status === "loaded"))).toBe(true);
  expect(await violations(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

for (const next of ["%2F%5Cevil.example%2Fphish", "%2F%09%2Fevil.example%2Fx", "%2F%2Fevil.example"]) {
  test(`sign-in with next=${next} stays on the console`, async ({ page }) => {
    const user = demoUser("RISK_ANALYST");
    await page.goto(`/login?next=${next}`);
    await page.locator("#username").fill(user.username);
    await page.locator("#password").fill(user.password);
    await page.locator("form button[type=submit]").click();
    await expect(page.getByTestId("current-user")).toContainText(user.displayName);
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
  });
}

test("a same-origin next is honoured", async ({ page }) => {
  const user = demoUser("LOAN_OFFICER");
  await page.goto(`/login?next=${encodeURIComponent("/pretrial?status=REJECTED")}`);
  await page.locator("#username").fill(user.username);
  await page.locator("#password").fill(user.password);
  await page.locator("form button[type=submit]").click();
  await expect(page).toHaveURL(/\/pretrial\?status=REJECTED$/);
});

test("sign-out ends the session server-side: the old cookie opens nothing", async ({ page, browser }) => {
  await signIn(page, "LOAN_OFFICER");
  const cookies = await page.context().cookies();
  // A second device of the same user stays signed in.
  const phone = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const phonePage = await phone.newPage();
  await signIn(phonePage, "LOAN_OFFICER");

  await page.getByRole("button", { name: /退出登录|Sign out/ }).click();
  await expect(page).toHaveURL(/\/login/);

  const replay = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  await replay.addCookies(cookies);
  const exported = await replay.request.get("/api/pretrial/orders/export?format=csv");
  expect(exported.status()).toBe(401);
  const replayPage = await replay.newPage();
  await replayPage.goto("/pretrial");
  await expect(replayPage).toHaveURL(/\/login/);

  expect((await phone.request.get("/api/pretrial/orders/export?format=csv")).status()).toBe(200);
  await replay.close();
  await phone.close();
});

test("a cross-site multipart POST with the officer's cookie is refused (403) and creates nothing", async ({ page }) => {
  await signIn(page, "LOAN_OFFICER");
  const res = await page.request.post("/api/pretrial/orders", {
    headers: { Origin: "https://evil.example" },
    multipart: { idempotencyKey: crypto.randomUUID(), customerName: "跨站", idNumber: "x", mobile: "x" },
  });
  expect(res.status()).toBe(403);
  expect(await res.json()).toMatchObject({ error: "FORBIDDEN" });
});

test("a client-sent X-Forwarded-For is not taken as the caller's address", async ({ page }) => {
  // Refused without a session: the audit row carries the address the server entry saw.
  const res = await page.request.get("/api/pretrial/orders/export", { headers: { "X-Forwarded-For": "6.6.6.6" } });
  expect(res.status()).toBe(401);
  await signIn(page, "ADMIN");
  await page.goto("/audit?action=pretrial.export&outcome=denied");
  await expect(page.locator("main")).toContainText("导出订单");
  await expect(page.locator("main")).toContainText("127.0.0.1");
  await expect(page.locator("main")).not.toContainText("6.6.6.6");
});
