import { inflateSync } from "node:zlib";

/**
 * Whether a PDF carries a text layer, as DeepFinch requires (文字内容可拷贝,非图片): some
 * content stream shows text (`Tf` selects a font, `Tj`/`TJ` paints glyphs). Streams are
 * usually Flate-compressed, so each is inflated first. A scan — pages that only paint
 * images — has none. A heuristic, good enough for a stand-in.
 */
export function hasTextLayer(pdf: Buffer): boolean {
  const TEXT = /\bTf\b[\s\S]*?(?:\bTj\b|\bTJ\b)/;
  let from = 0;
  for (;;) {
    const start = pdf.indexOf("stream", from, "latin1");
    if (start < 0) return false;
    const bodyStart = start + (pdf[start + 6] === 0x0d ? 8 : 7);
    const end = pdf.indexOf("endstream", bodyStart, "latin1");
    if (end < 0) return false;
    const body = pdf.subarray(bodyStart, end);
    let text = body.toString("latin1");
    try {
      text = inflateSync(body, { finishFlush: 2 }).toString("latin1");
    } catch {
      // not compressed (or not Flate): read as it is
    }
    if (TEXT.test(text)) return true;
    from = end + 9;
  }
}
