/**
 * Tiny sample files for the tests of lib/files and app/api/files: real headers, so a test
 * that passes them through detection exercises the same bytes a phone would send.
 */

/** A 1×1 PNG. */
export const PNG_1PX = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

/** The start of a JFIF JPEG (SOI, APP0 "JFIF") followed by filler and EOI. */
export const JPEG_HEAD = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from("JFIF\0", "latin1"),
  Buffer.from([0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
  Buffer.from("synthetic-id-card-portrait-side", "ascii"),
  Buffer.from([0xff, 0xd9]),
]);

export const GIF_HEAD = Buffer.from("GIF89a\x01\x00\x01\x00\x80\x00\x00", "latin1");
export const PDF_HEAD = Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1");
export const TEXT = Buffer.from("this is a text file renamed to photo.jpg\n", "utf8");
