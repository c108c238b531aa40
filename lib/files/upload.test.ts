import { describe, expect, it } from "vitest";
import { GIF_HEAD, JPEG_HEAD, PNG_1PX, TEXT } from "./test-images";
import { readImageField } from "./upload";

function form(entries: [string, string | File][]) {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe("readImageField", () => {
  it("answers the bytes and the detected type, whatever the browser claimed", async () => {
    const result = await readImageField(form([["front", new File([PNG_1PX], "scan.jpg", { type: "image/jpeg" })]]), "front");
    expect(result.ok && result.mimeType).toBe("image/png");
    expect(result.ok && Buffer.from(result.bytes).equals(PNG_1PX)).toBe(true);
  });

  it("treats an absent field, a text value and an untouched file input as missing", async () => {
    expect(await readImageField(form([]), "front")).toEqual({ ok: false, reason: "missing" });
    expect(await readImageField(form([["front", "not a file"]]), "front")).toEqual({ ok: false, reason: "missing" });
    const untouched = new File([], "", { type: "application/octet-stream" });
    expect(await readImageField(form([["front", untouched]]), "front")).toEqual({ ok: false, reason: "missing" });
  });

  it("a chosen but empty file is empty", async () => {
    expect(await readImageField(form([["front", new File([], "front.jpg")]]), "front")).toEqual({ ok: false, reason: "empty" });
  });

  it("refuses text renamed .jpg and a GIF", async () => {
    const text = new File([TEXT], "photo.jpg", { type: "image/jpeg" });
    expect(await readImageField(form([["front", text]]), "front")).toEqual({ ok: false, reason: "notImage" });
    const gif = new File([GIF_HEAD], "photo.gif", { type: "image/gif" });
    expect(await readImageField(form([["front", gif]]), "front")).toEqual({ ok: false, reason: "notImage" });
  });

  it("refuses a file over the limit", async () => {
    const file = new File([JPEG_HEAD], "front.jpg", { type: "image/jpeg" });
    expect(await readImageField(form([["front", file]]), "front", { maxBytes: 8 })).toEqual({ ok: false, reason: "tooLarge" });
  });
});
