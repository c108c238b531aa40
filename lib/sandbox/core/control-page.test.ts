import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { escapeHtml } from "./control-page";
import { startTestSandbox } from "./test-support";

/** fetch() would percent-encode the path; node:http sends `<` as it is, like a hostile client. */
function rawGet(url: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url + path, { method: "GET" }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    })
      .on("error", reject)
      .end();
  });
}

describe("control page", () => {
  it("escapes HTML special characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });

  it("lists vendors with bilingual labels and escapes a <script> path from the log", async () => {
    const sandbox = await startTestSandbox();
    try {
      expect(await rawGet(sandbox.url, "/<script>alert(1)</script>")).toBe(404);
      await fetch(`${sandbox.url}/risk-score/%3Cimg%20src=x%20onerror=alert(2)%3E`);
      const res = await fetch(`${sandbox.url}/`);
      expect(res.headers.get("content-type")).toContain("text/html");
      const html = await res.text();
      expect(html).toContain("故障注入 · Fault injection");
      expect(html).toContain("测试供应商 Test vendor");
      expect(html).toContain('data-vendor="risk-score"');
      expect(html).toContain("/&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(html).toContain("&lt;img src=x onerror=alert(2)&gt;");
      expect(html).not.toContain("<script>alert(1)");
      expect(html).not.toContain("<img");
      // The page's own inline script is the only <script> element.
      expect(html.match(/<script>/g)).toHaveLength(1);
    } finally {
      await sandbox.close();
    }
  });

  it("renders without vendors", async () => {
    const sandbox = await startTestSandbox({ vendors: [] });
    try {
      expect(await (await fetch(sandbox.url)).text()).toContain("No vendors registered yet");
    } finally {
      await sandbox.close();
    }
  });
});
