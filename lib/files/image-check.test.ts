import { describe, expect, it } from "vitest";
import { checkIdPhoto, detectImageType, ID_PHOTO_MAX_BYTES } from "./image-check";
import { GIF_HEAD, JPEG_HEAD, PDF_HEAD, PNG_1PX, TEXT } from "./test-images";

describe("detectImageType", () => {
  it.each([
    ["JPEG", JPEG_HEAD, "image/jpeg"],
    ["PNG", PNG_1PX, "image/png"],
    ["GIF", GIF_HEAD, null],
    ["PDF", PDF_HEAD, null],
    ["text renamed .jpg", TEXT, null],
    ["empty", new Uint8Array(), null],
    ["a JPEG cut after two bytes", JPEG_HEAD.subarray(0, 2), null],
    ["a PNG signature with a mangled line ending", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0a, 0x1a, 0x0a, 0x00]), null],
  ])("%s", (_name, bytes, expected) => {
    expect(detectImageType(bytes)).toBe(expected);
  });
});

describe("checkIdPhoto", () => {
  it("accepts JPEG and PNG by content", () => {
    expect(checkIdPhoto(JPEG_HEAD)).toEqual({ ok: true, mimeType: "image/jpeg" });
    expect(checkIdPhoto(PNG_1PX)).toEqual({ ok: true, mimeType: "image/png" });
  });

  it("refuses GIF, PDF and text", () => {
    for (const bytes of [GIF_HEAD, PDF_HEAD, TEXT]) expect(checkIdPhoto(bytes)).toEqual({ ok: false, reason: "notImage" });
  });

  it("tells missing from empty", () => {
    expect(checkIdPhoto(null)).toEqual({ ok: false, reason: "missing" });
    expect(checkIdPhoto(undefined)).toEqual({ ok: false, reason: "missing" });
    expect(checkIdPhoto(new Uint8Array())).toEqual({ ok: false, reason: "empty" });
  });

  it("refuses more than 10 MiB by default, and honours maxBytes", () => {
    const atLimit = new Uint8Array(ID_PHOTO_MAX_BYTES);
    atLimit.set(JPEG_HEAD);
    expect(checkIdPhoto(atLimit)).toEqual({ ok: true, mimeType: "image/jpeg" });
    const over = new Uint8Array(ID_PHOTO_MAX_BYTES + 1);
    over.set(JPEG_HEAD);
    expect(checkIdPhoto(over)).toEqual({ ok: false, reason: "tooLarge" });
    expect(checkIdPhoto(JPEG_HEAD, { maxBytes: 10 })).toEqual({ ok: false, reason: "tooLarge" });
  });
});
