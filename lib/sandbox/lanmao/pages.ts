import type { SandboxResponse } from "../core/types";
import type { PageLine } from "./gateway-services";

/**
 * The custody side's pages for the customer's steps: self-contained (inline CSS), Chinese,
 * big buttons, personal data masked. The return to the platform is an auto-submitting POST
 * form, as a real gateway's.
 */
const STYLE = `*{box-sizing:border-box}body{margin:0;font:16px/1.6 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#eef2f7;color:#1f2937}
main{max-width:520px;margin:0 auto;padding:20px 16px 32px}h1{font-size:21px;margin:8px 0 16px;text-align:center}
.brand{text-align:center;color:#0f4c81;font-weight:700;letter-spacing:.1em}.card{background:#fff;border-radius:12px;padding:16px;margin-bottom:16px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
dl{display:grid;grid-template-columns:auto 1fr;gap:6px 12px;margin:0}dt{color:#6b7280}dd{margin:0;font-weight:600;word-break:break-all}
.actions{display:grid;gap:12px}button{width:100%;min-height:50px;font-size:18px;border:0;border-radius:10px;cursor:pointer}
.ok{background:#0f4c81;color:#fff}.no{background:#fff;color:#b91c1c;border:1px solid #fca5a5}label{display:grid;gap:6px}
input[type=text],input[type=password]{font-size:18px;padding:10px;border:1px solid #cbd5e1;border-radius:8px}
.notice{text-align:center;font-size:18px}.good{color:#15803d}.bad{color:#b91c1c}.muted{color:#6b7280;font-size:14px;text-align:center}`;

export const escapeHtml = (v: string) => v.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

function page(status: number, title: string, content: string, script = ""): SandboxResponse {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · 联银通存管(沙箱)</title><style>${STYLE}</style></head><body><main><div class="brand">联银通 · 资金存管</div>
<h1>${escapeHtml(title)}</h1>${content}<p class="muted">联银通 沙箱环境 · 仅供测试,不产生真实资金变动</p></main>${script}</body></html>`;
  return { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }, body: html };
}

const lines = (rows: PageLine[]) => `<section class="card"><dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join("")}</dl></section>`;

export function confirmPage(opts: { title: string; token: string; rows: PageLine[]; asksAmount: boolean; confirmAction: string }): SandboxResponse {
  const amount = opts.asksAmount ? `<label>充值金额(元)<input type="text" name="amount" inputmode="decimal" autocomplete="off" required></label>` : "";
  return page(
    200,
    opts.title,
    `${lines(opts.rows)}<form method="post" action="${escapeHtml(opts.confirmAction)}" class="actions card">
<input type="hidden" name="token" value="${escapeHtml(opts.token)}">${amount}
<label>交易密码<input type="password" name="password" value="123456" autocomplete="off"></label>
<button class="ok" type="submit" name="decision" value="confirm">确认</button>
<button class="no" type="submit" name="decision" value="cancel" formnovalidate>取消</button></form>`,
  );
}

/** The outcome, then back to the platform with the signed fields (browser return, §1.1). */
export function returnPage(opts: { ok: boolean; message: string; callbackUrl: string; fields: Record<string, string> }): SandboxResponse {
  const inputs = Object.entries(opts.fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join("");
  return page(
    200,
    opts.ok ? "操作成功" : "操作未完成",
    `<section class="card notice ${opts.ok ? "good" : "bad"}">${escapeHtml(opts.message)}</section>
<form id="back" method="post" action="${escapeHtml(opts.callbackUrl)}" class="actions">${inputs}<button class="ok" type="submit">返回平台</button></form>`,
    `<script>setTimeout(function(){document.getElementById("back").submit()},1200)</script>`,
  );
}

export function errorPage(code: string, description: string, status = 400): SandboxResponse {
  return page(status, "请求无法处理", `<section class="card notice bad">${escapeHtml(description)}<br><span class="muted">返回码 ${escapeHtml(code)}</span></section>`);
}
