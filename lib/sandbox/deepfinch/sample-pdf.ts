import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { fontkitForPdfLib } from "./fontkit-adapter";

/**
 * Sample credit-report PDFs for demos and tests (scripts/make-credit-report-pdfs.ts writes the
 * committed ones). `withText` gives a real text layer in a CJK font (subset-embedded, so the
 * file stays small); without it the pages only paint boxes — what a scan looks like to
 * DeepFinch, which answers DETECTION_FAILED.
 */
export type SamplePdfOptions = { title: string; lines: string[]; fontBytes?: Uint8Array; pages?: number };

export async function makeSamplePdf(opts: SamplePdfOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(opts.title);
  doc.setCreator("CreditOps sandbox sample");
  // Fixed dates so the same options give the same bytes (the twin derives its report from the hash).
  doc.setCreationDate(new Date(Date.UTC(2026, 0, 1)));
  doc.setModificationDate(new Date(Date.UTC(2026, 0, 1)));
  let fonts: { cjk: PDFFont; latin: PDFFont } | undefined;
  if (opts.fontBytes) {
    doc.registerFontkit(fontkitForPdfLib as unknown as Parameters<typeof doc.registerFontkit>[0]);
    fonts = { cjk: await doc.embedFont(opts.fontBytes, { subset: true }), latin: await doc.embedFont(StandardFonts.Helvetica) };
  }
  const perPage = 40;
  const pages = opts.pages ?? Math.max(1, Math.ceil(opts.lines.length / perPage));
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595, 842]);
    page.drawRectangle({ x: 40, y: 780, width: 515, height: 30, color: rgb(0.9, 0.92, 0.96) });
    const lines = [opts.title, ...opts.lines.slice(p * perPage, (p + 1) * perPage)];
    lines.forEach((line, i) => {
      const y = 790 - i * 18;
      if (fonts) drawMixed(page, line, 48, y, i === 0 ? 14 : 10, fonts);
      else page.drawRectangle({ x: 48, y, width: Math.min(500, line.length * 9), height: 8, color: rgb(0.3, 0.3, 0.3) });
    });
  }
  return doc.save({ useObjectStreams: false });
}

/** The text of a demo report's first pages (synthetic: no real person). */
export function sampleReportLines(variant: number): string[] {
  return [
    "个人信用报告（授信机构版）",
    `报告编号：2026100100000000${String(variant).padStart(4, "0")}    报告时间：2026.10.01 10:00:00`,
    "被查询者姓名：示例用户    被查询者证件类型：身份证",
    "查询机构：某商业银行    查询原因：贷款审批",
    "一 个人基本信息",
    "（一）身份信息  性别 男  出生日期 1990.01.01  婚姻状况 已婚  学历 大学本科",
    "（二）配偶信息  （三）居住信息  （四）职业信息",
    "二 信息概要",
    "（一）信贷交易信息提示  （二）信贷交易违约信息概要  （三）信贷交易授信及负债信息概要",
    "三 信贷交易信息明细",
    "（一）非循环贷账户  （二）循环额度下分账户  （三）循环贷账户  （四）贷记卡账户  （五）准贷记卡账户",
    "账户1  管理机构：某商业银行  开立日期：2022.03.15  借款金额：120,000  还款方式：分期等额本息",
    "最近5年的还款记录：N N N N 1 N N N * N N N N N N N N N N N",
    "四 公共信息明细    五 查询记录",
    `样本 ${variant}`,
  ];
}

/** Droid Sans Fallback has no Latin letters or digits: ASCII runs are drawn in Helvetica. */
function drawMixed(page: PDFPage, line: string, x: number, y: number, size: number, fonts: { cjk: PDFFont; latin: PDFFont }) {
  for (const run of line.match(/[\x20-\x7e]+|[^\x20-\x7e]+/g) ?? []) {
    const font = /^[\x20-\x7e]/.test(run) ? fonts.latin : fonts.cjk;
    page.drawText(run, { x, y, size, font, color: rgb(0.1, 0.1, 0.1) });
    x += font.widthOfTextAtSize(run, size);
  }
}
