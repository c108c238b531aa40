import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signIn } from "../../../e2e/support/auth";

/**
 * Benchmark (not a test): a credit report with 200 accounts × 60 months opened in Chromium;
 * prints the time from navigation until the repayment grid responds (a tab switch shows the
 * grid of another account type). Goal ≤ 500 ms. Runs against a production build on a
 * throwaway data folder (scripts/e2e.ts):  npm run bench:report-viewer
 */
const sandboxUrl = `http://127.0.0.1:${process.env.SANDBOX_PORT ?? 3400}`;
const RUNS = 5;

test("report viewer: 200 accounts × 60 months", async ({ page }) => {
  await fetch(`${sandboxUrl}/deepfinch/_sandbox/settings`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ accountCount: 200, recogniseMs: 0 }) });
  await signIn(page, "RISK_ANALYST");
  const pdf = Buffer.concat([readFileSync(path.join(process.cwd(), "lib/sandbox/deepfinch/fixtures/credit-report-sample-2.pdf")), Buffer.from(`\n% bench ${Date.now()}\n%%EOF\n`)]);
  const res = await page.request.post("/api/credit-reports", { multipart: { file: { name: "bench.pdf", mimeType: "application/pdf", buffer: pdf } } });
  const { reportId } = (await res.json()) as { reportId: string };
  await expect.poll(async () => ((await (await page.request.get(`/api/credit-reports/${reportId}/status`)).json()) as { status: string }).status, { timeout: 120_000 }).toBe("DONE");

  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = Date.now();
    await page.goto(`/credit-reports/${reportId}`, { waitUntil: "commit" });
    await page.getByTestId("tab-creditCard").click();
    const grid = page.getByTestId("accounts-creditCard").getByTestId("repayment-grid").first();
    await expect(grid.getByRole("gridcell")).toHaveCount(60, { timeout: 30_000 });
    times.push(Date.now() - started);
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      return { ttfb: Math.round(n.responseStart), html: Math.round(n.responseEnd), dcl: Math.round(n.domContentLoadedEventEnd), bytes: n.transferSize };
    });
    console.log(`run ${i + 1}: ${times.at(-1)} ms (first byte ${nav.ttfb} ms, HTML done ${nav.html} ms, DOMContentLoaded ${nav.dcl} ms, ${Math.round(nav.bytes / 1024)} kB)`);
  }
  const cells = await page.locator('[role="gridcell"]').count();
  times.sort((a, b) => a - b);
  console.log(`report viewer, 200 accounts × 60 months (${cells} cells in the open tab): until the grid responds ${times.join(", ")} ms; median ${times[Math.floor(RUNS / 2)]} ms (goal ≤ 500 ms)`);
});
