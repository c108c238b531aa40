import type { SandboxResponse } from "../core/types";
import { beijingDay } from "./ids";
import type { WanwangOrder } from "./orders";

/**
 * The customer's signing page, opened on a phone from the SMS link: self-contained (inline
 * CSS, no scripts), Chinese, big buttons. Personal data is shown masked, as a page that may
 * be forwarded or screenshotted should.
 */

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.6 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f3f5f8;color:#1f2937}
main{max-width:560px;margin:0 auto;padding:20px 16px 32px}h1{font-size:22px;margin:8px 0 16px;text-align:center}
.card{background:#fff;border-radius:12px;padding:16px;margin-bottom:16px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
dl{display:grid;grid-template-columns:auto 1fr;gap:4px 12px;margin:0}dt{color:#6b7280}dd{margin:0;font-weight:600}
.text{max-height:45vh;overflow:auto;font-size:15px}.text p{margin:0 0 10px}
.actions{display:grid;gap:12px}button{width:100%;min-height:52px;font-size:18px;border:0;border-radius:10px;cursor:pointer}
.sign{background:#1d4ed8;color:#fff}.decline{background:#fff;color:#b91c1c;border:1px solid #fca5a5}
.notice{text-align:center;font-size:18px;padding:28px 16px}.ok{color:#15803d}.bad{color:#b91c1c}.muted{color:#6b7280;font-size:14px}`;

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

function maskName(name: string): string {
  const chars = Array.from(name.trim());
  return chars.length <= 1 ? "*" : chars[0] + "*".repeat(chars.length - 1);
}

function maskId(id: string): string {
  return id.length < 15 ? "****" : id.slice(0, 4) + "*".repeat(id.length - 8) + id.slice(-4);
}

function page(status: number, title: string, content: string): SandboxResponse {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1,viewport-fit=cover">
<title>${escapeHtml(title)} · 万网中台（沙箱）</title><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${content}
<p class="muted" style="text-align:center">万网中台 沙箱环境 · 仅供测试，不产生真实征信查询</p></main></body></html>`;
  return { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }, body: html };
}

export function signingFormPage(order: WanwangOrder): SandboxResponse {
  const name = escapeHtml(maskName(order.person.name));
  const day = beijingDay(order.createdAt);
  const date = `${day.slice(0, 4)}年${day.slice(4, 6)}月${day.slice(6, 8)}日`;
  return page(
    200,
    "个人征信授权书",
    `<section class="card"><dl><dt>授权人</dt><dd>${name}</dd><dt>身份证号</dt><dd>${escapeHtml(maskId(order.person.idCard))}</dd>
<dt>查询编号</dt><dd>${escapeHtml(order.querySn)}</dd><dt>发起日期</dt><dd>${date}</dd></dl></section>
<section class="card text">
<p>本人${name}（以下称“授权人”）不可撤销地授权万网中台及其合作机构（以下称“被授权人”），为审核本人车辆融资申请之目的，向中国人民银行征信中心金融信用信息基础数据库及依法设立的征信机构查询、打印、保存本人的信用报告及其他信用信息。</p>
<p>授权人同意被授权人将本人的身份信息、联系方式及申请信息提供给上述机构，用于身份核验与信用评估；被授权人应依法对上述信息保密，不得用于本授权书以外的用途。</p>
<p>本授权书自授权人点击“同意并签署”之时起生效，有效期至本次申请审核结束。授权人已仔细阅读并充分理解本授权书的全部内容。</p>
</section>
<form method="post" action="sign" class="actions">
<input type="hidden" name="signLinkId" value="${escapeHtml(order.signLinkId)}">
<button class="sign" type="submit" name="decision" value="sign">同意并签署</button>
<button class="decline" type="submit" name="decision" value="decline">拒绝</button>
</form>`,
  );
}

function notice(status: number, title: string, tone: "ok" | "bad" | "muted", message: string): SandboxResponse {
  return page(status, title, `<section class="card notice ${tone}">${escapeHtml(message)}</section>`);
}

export const signedPage = () => notice(200, "签署成功", "ok", "签署成功，授权书已生效。征信查询结果将通知办理机构，您可以关闭本页面。");
export const alreadySignedPage = () => notice(200, "已签署", "ok", "您已签署过本授权书，无需重复签署。");
export const declinedPage = () => notice(200, "已拒绝", "bad", "您已拒绝签署授权书，本次征信查询已终止。");
export const alreadyDeclinedPage = () => notice(200, "已拒绝", "bad", "您此前已拒绝签署本授权书，本次征信查询已终止。");
export const closedPage = (reason: string) => notice(200, "订单已关闭", "bad", `本次征信查询已关闭：${reason}`);
export const unknownLinkPage = () => notice(404, "链接无效", "bad", "签约链接不存在或已失效，请联系办理人员重新发起。");
export const badDecisionPage = () => notice(400, "请求无效", "bad", "请选择“同意并签署”或“拒绝”。");
