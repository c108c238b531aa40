import { checkIdPhoto, ID_PHOTO_MAX_BYTES, type IdPhotoMimeType, type IdPhotoRejection } from "./image-check";

/**
 * Reads one photo field of a multipart form (`await request.formData()` or a server action's
 * FormData) and checks it by content. The returned MIME type is the detected one; the
 * browser's `file.type` and file name are never trusted.
 */
export type ImageFieldResult = { ok: true; bytes: Uint8Array; mimeType: IdPhotoMimeType } | { ok: false; reason: IdPhotoRejection };

export async function readImageField(
  form: FormData,
  name: string,
  { maxBytes = ID_PHOTO_MAX_BYTES }: { maxBytes?: number } = {},
): Promise<ImageFieldResult> {
  const value = form.get(name);
  // A text value where a file belongs means no file was chosen; so does the browser's
  // placeholder for an untouched <input type="file"> (an empty part with no file name).
  if (value === null || typeof value === "string") return { ok: false, reason: "missing" };
  if (value.size === 0 && value.name === "") return { ok: false, reason: "missing" };
  // Refuse by the declared size before copying the content once more.
  if (value.size > maxBytes) return { ok: false, reason: "tooLarge" };
  const bytes = new Uint8Array(await value.arrayBuffer());
  const check = checkIdPhoto(bytes, { maxBytes });
  return check.ok ? { ok: true, bytes, mimeType: check.mimeType } : check;
}
