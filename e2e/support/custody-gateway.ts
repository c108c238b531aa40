import { expect, type Page } from "@playwright/test";

/**
 * A customer step through the 联银通 twin: fills the custody form `formTestId`, opens the gateway
 * page it prepared, confirms there as the customer, and waits until the NOTIFY has settled the
 * request in the request log. Returns the requestNo.
 */
export async function viaGateway(page: Page, fields: Record<string, string>, formTestId = "op-gateway"): Promise<string> {
  const form = page.getByTestId(formTestId);
  for (const [name, value] of Object.entries(fields)) await form.getByTestId(`op-${name}`).fill(value);
  await form.getByRole("button").last().click();
  const link = form.getByTestId("op-open-gateway");
  await expect(link).toBeVisible();
  const requestNo = /\(([^)]+)\)/.exec((await link.textContent()) ?? "")?.[1] ?? "";
  const [tab] = await Promise.all([page.context().waitForEvent("page"), link.click()]);
  await tab.getByRole("button", { name: "确认" }).click();
  await expect(tab.locator("h2")).toContainText(/操作已提交成功|The operation was completed/, { timeout: 15_000 });
  await tab.close();
  await expect
    .poll(async () => {
      await page.goto(`/custody/transactions?ref=${encodeURIComponent(requestNo)}`);
      return page.locator("tbody").innerText();
    }, { timeout: 20_000 })
    .toMatch(/成功|Succeeded/);
  return requestNo;
}
