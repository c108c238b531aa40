import type { FaultSettings } from "./faults";
import type { RequestLogEntry } from "./request-log";

export interface ControlPageData {
  vendors: Array<{ name: string; title: string }>;
  faults: Record<string, FaultSettings>;
  requests: RequestLogEntry[];
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Every value that reaches the page goes through here: paths and bodies come from strangers. */
export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

const FLAGS: Array<[keyof FaultSettings, string]> = [
  ["http500", "返回 500 · HTTP 500"],
  ["hang", "挂起 · Hang"],
  ["malformed", "响应损坏 · Malformed body"],
  ["badSignature", "签名错误 · Bad signature"],
  ["duplicateCallbacks", "重复回调 · Duplicate callbacks"],
  ["reorderCallbacks", "回调乱序 · Reorder callbacks"],
];

export function summarizeFaults(f: FaultSettings): string {
  const on: string[] = FLAGS.filter(([key]) => f[key]).map(([key]) => key);
  if (f.latencyMs > 0) on.unshift(`latency ${f.latencyMs} ms`);
  if (f.failNext > 0) on.push(`failNext ${f.failNext}`);
  return on.length > 0 ? on.join(", ") : "无 · none";
}

function faultForm(name: string, f: FaultSettings): string {
  const flags = FLAGS.map(
    ([key, label]) =>
      `<label><input type="checkbox" name="${key}"${f[key] ? " checked" : ""}> ${escapeHtml(label)}</label>`,
  ).join("");
  return `<form class="faults" data-vendor="${escapeHtml(name)}">
  <label>延迟 Latency (ms) <input type="number" name="latencyMs" min="0" max="120000" value="${f.latencyMs}"></label>
  <label>接下来失败 Fail next N <input type="number" name="failNext" min="0" max="10000" value="${f.failNext}"></label>
  ${flags}
  <button type="submit">保存 Save</button> <span class="msg" aria-live="polite"></span>
</form>`;
}

function requestRow(r: RequestLogEntry): string {
  const statusClass = r.status === null ? "s0" : `s${String(r.status)[0]}`;
  const cells = [r.time, r.direction, r.vendor ?? "—", r.method, r.path, r.status ?? "—", r.durationMs, r.fault ?? ""];
  return `<tr data-id="${r.id}" class="${statusClass}">${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`;
}

export function renderControlPage(data: ControlPageData): string {
  const vendors =
    data.vendors.length === 0
      ? `<p class="empty">尚未注册供应商 · No vendors registered yet.</p>`
      : data.vendors
          .map((v) => {
            const f = data.faults[v.name];
            return `<section class="vendor"><h3>${escapeHtml(v.title)} <code>/${escapeHtml(v.name)}</code></h3>
<p>当前 Current: <span class="current" data-vendor="${escapeHtml(v.name)}">${escapeHtml(f ? summarizeFaults(f) : "")}</span></p>
${f ? faultForm(v.name, f) : ""}</section>`;
          })
          .join("\n");
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>供应商沙箱 Vendor sandbox</title><link rel="icon" href="data:,">
<style>${CSS}</style></head>
<body>
<h1>供应商沙箱 · Vendor sandbox</h1>
<h2>故障注入 · Fault injection <button type="button" id="reset-faults">全部重置 Reset all</button></h2>
${vendors}
<h2>最近请求 · Recent requests <small>(每 3 秒刷新 · refreshes every 3 s)</small>
 <button type="button" id="clear-log">清空 Clear</button></h2>
<table><thead><tr><th>时间 Time</th><th>方向 Dir</th><th>供应商 Vendor</th><th>方法 Method</th><th>路径 Path</th>
<th>状态 Status</th><th>耗时 ms</th><th>故障 Fault</th></tr></thead>
<tbody id="requests">${data.requests.map(requestRow).join("")}</tbody></table>
<section id="detail" hidden><h3>请求/响应 · Request / response <span id="detail-title"></span></h3>
<pre id="detail-req"></pre><pre id="detail-res"></pre></section>
<script>${SCRIPT}</script>
</body></html>`;
}

const CSS = `
body{font:14px/1.45 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:1.5rem;color:#1f2328;background:#fafafa}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem}h3{font-size:1rem;margin:.2rem 0}
.vendor{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:.6rem .9rem;margin:.6rem 0}
form.faults{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center}
input[type=number]{width:6rem}.msg{color:#57606a}.empty{color:#57606a}
table{border-collapse:collapse;width:100%;background:#fff;font-size:13px}
th,td{border-bottom:1px solid #eaeef2;padding:.25rem .5rem;text-align:left;vertical-align:top}
td:nth-child(5){word-break:break-all}tbody tr{cursor:pointer}tbody tr:hover{background:#f6f8fa}
tr.s2 td:nth-child(6){color:#1a7f37}tr.s4 td:nth-child(6){color:#9a6700}
tr.s5 td:nth-child(6),tr.s0 td:nth-child(6){color:#cf222e}
pre{background:#fff;border:1px solid #d0d7de;padding:.5rem;white-space:pre-wrap;word-break:break-all;max-height:20rem;overflow:auto}
`;

// Runs in the browser. Builds rows with textContent only, so nothing from the log is parsed as HTML.
const SCRIPT = `
const rows = new Map();
const flags = ${JSON.stringify(FLAGS.map(([key]) => key))};
function fmtTime(t) { const d = new Date(t); return d.toLocaleTimeString("zh-CN", { hour12: false }) + "." + String(d.getMilliseconds()).padStart(3, "0"); }
function summary(f) {
  const on = flags.filter((k) => f[k]);
  if (f.latencyMs > 0) on.unshift("latency " + f.latencyMs + " ms");
  if (f.failNext > 0) on.push("failNext " + f.failNext);
  return on.length ? on.join(", ") : "无 · none";
}
async function refresh() {
  try {
    const [reqs, faults] = await Promise.all([
      fetch("/_control/requests?limit=100").then((r) => r.json()),
      fetch("/_control/faults").then((r) => r.json()),
    ]);
    const body = document.getElementById("requests");
    body.replaceChildren(...reqs.map((r) => {
      rows.set(String(r.id), r);
      const tr = document.createElement("tr");
      tr.dataset.id = String(r.id);
      tr.className = r.status === null ? "s0" : "s" + String(r.status)[0];
      for (const v of [fmtTime(r.time), r.direction, r.vendor ?? "—", r.method, r.path, r.status ?? "—", r.durationMs, r.fault ?? ""]) {
        const td = document.createElement("td"); td.textContent = String(v); tr.append(td);
      }
      return tr;
    }));
    for (const el of document.querySelectorAll(".current")) {
      const f = faults[el.dataset.vendor]; if (f) el.textContent = summary(f);
    }
  } catch (e) { console.warn("refresh failed", e); }
}
document.getElementById("requests").addEventListener("click", (ev) => {
  const tr = ev.target.closest("tr"); const r = tr && rows.get(tr.dataset.id); if (!r) return;
  document.getElementById("detail").hidden = false;
  document.getElementById("detail-title").textContent = "#" + r.id + " " + r.method + " " + r.path + (r.note ? " · " + r.note : "");
  document.getElementById("detail-req").textContent = r.requestBody || "(空 empty)";
  document.getElementById("detail-res").textContent = r.responseBody || "(空 empty)";
});
for (const form of document.querySelectorAll("form.faults")) {
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const body = { latencyMs: Number(form.latencyMs.value || 0), failNext: Number(form.failNext.value || 0) };
    for (const k of flags) body[k] = form.elements[k].checked;
    const msg = form.querySelector(".msg");
    const res = await fetch("/_control/faults/" + encodeURIComponent(form.dataset.vendor), {
      method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body),
    });
    const out = await res.json().catch(() => ({}));
    msg.textContent = res.ok ? "已保存 Saved" : "错误 Error: " + (out.message || res.status);
    refresh();
  });
}
document.getElementById("reset-faults").addEventListener("click", async () => {
  await fetch("/_control/faults", { method: "DELETE" }); location.reload();
});
document.getElementById("clear-log").addEventListener("click", async () => {
  await fetch("/_control/requests", { method: "DELETE" }); refresh();
});
refresh();
setInterval(refresh, 3000);
`;
