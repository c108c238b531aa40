/**
 * Is an upload really a JPEG or PNG photo? Decided by the file's first bytes only: the
 * browser's claimed MIME type and the file name are whatever the sender says they are.
 * Pure: usable in server actions, route handlers and tests alike.
 */

export type IdPhotoMimeType = "image/jpeg" | "image/png";
export type IdPhotoRejection = "missing" | "empty" | "tooLarge" | "notImage";
export type IdPhotoCheck = { ok: true; mimeType: IdPhotoMimeType } | { ok: false; reason: IdPhotoRejection };

/** 10 MiB: a phone photo of an ID card is a few MB; anything far larger is not one. */
export const ID_PHOTO_MAX_BYTES = 10 * 1024 * 1024;

const SIGNATURES: { mimeType: IdPhotoMimeType; magic: readonly number[] }[] = [
  // SOI marker followed by the first marker's 0xFF (JFIF, Exif and raw JPEGs all start so).
  { mimeType: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
  // The full 8-byte PNG signature, including the line-ending bytes that catch text-mode mangling.
  { mimeType: "image/png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

export function detectImageType(bytes: Uint8Array): IdPhotoMimeType | null {
  for (const { mimeType, magic } of SIGNATURES) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return mimeType;
  }
  return null;
}

export function checkIdPhoto(
  bytes: Uint8Array | null | undefined,
  { maxBytes = ID_PHOTO_MAX_BYTES }: { maxBytes?: number } = {},
): IdPhotoCheck {
  if (!bytes) return { ok: false, reason: "missing" };
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  if (bytes.length > maxBytes) return { ok: false, reason: "tooLarge" };
  const mimeType = detectImageType(bytes);
  return mimeType ? { ok: true, mimeType } : { ok: false, reason: "notImage" };
}
