import { expect, type Page, test } from "@playwright/test";
import type { Role } from "../lib/auth/roles";
import { signIn } from "./support/auth";

/**
 * Journey: each role opens the workbench (工作台); every to-do count is a link into a filtered
 * list, and that list shows the same count (capped counts compare as "1,000+" on both sides).
 */
async function todoCounts(page: Page) {
  const items = page.locator('[data-testid^="todo-count-"]');
  const out: { key: string; count: string; href: string }[] = [];
  for (let i = 0; i < (await items.count()); i++) {
    const item = items.nth(i);
    const key = (await item.getAttribute("data-testid"))!.replace("todo-count-", "");
    const href = await page.getByTestId(`todo-${key}`).locator("a").getAttribute("href");
    out.push({ key, count: (await item.innerText()).trim(), href: href! });
  }
  return out;
}

for (const role of ["LOAN_OFFICER", "ADMIN", "RISK_ANALYST"] as Role[]) {
  test(`${role}: workbench counts equal the lists they link to`, async ({ page }) => {
    await signIn(page, role);
    await page.goto("/");
    await expect(page.getByTestId("todo-list")).toBeVisible();
    const todos = await todoCounts(page);
    expect(todos.length).toBeGreaterThan(0);
    await page.screenshot({ path: `e2e/screenshots/workbench-${role.toLowerCase()}-zh.png`, fullPage: true });
    for (const todo of todos) {
      await page.goto(todo.href);
      const total = page.getByTestId("table-total");
      await expect(total).toBeVisible();
      const text = (await total.innerText()).trim();
      // "共 12 条" / "共 0 条" / "共 1,000+ 条": the number the workbench showed, or none when it was 0.
      if (todo.count === "0") expect(text, todo.key).toMatch(/^共 0 条$/);
      else expect(text, `${todo.key} → ${todo.href}`).toContain(todo.count);
    }
  });
}

test("loan officer: the workbench starts a new order, and the list's tabs and shortcuts work", async ({ page }) => {
  await signIn(page, "LOAN_OFFICER");
  await page.goto("/");
  await page.getByTestId("home-new-order").click();
  await expect(page).toHaveURL(/\/pretrial\/new$/);
  await page.goto("/pretrial");
  await expect(page.getByTestId("breadcrumbs")).toBeVisible();
  await page.getByTestId("tab-passed").click();
  await expect(page).toHaveURL(/tab=passed/);
  await expect(page.getByTestId("tab-passed")).toHaveAttribute("aria-selected", "true");
  await page.getByTestId("date-last7").click();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}/);
  await page.screenshot({ path: "e2e/screenshots/pretrial-tabs-zh.png", fullPage: true });
});
