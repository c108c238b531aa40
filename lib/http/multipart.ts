import { AppError } from "@/lib/errors";
import { readBodyLimited } from "./read-body";

/**
 * A multipart form, read within a byte limit while streaming (readBodyLimited: a declared
 * length over the limit is refused before a byte is read, a chunked or lying body is cut off),
 * then parsed from the bytes already held. Text fields with a NUL character are refused here,
 * before any handler could store files for a form that cannot be saved (issue 8, security 7).
 */
export async function readMultipartLimited(request: Request, limit: number): Promise<FormData> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data;/i.test(contentType)) {
    throw new AppError("VALIDATION", `expected multipart/form-data, got ${contentType || "nothing"}`, { i18n: { key: "unsupportedBody" } });
  }
  const bytes = await readBodyLimited(request, limit);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), { headers: { "content-type": contentType } }).formData();
  } catch (cause) {
    throw new AppError("VALIDATION", "unreadable multipart body", { i18n: { key: "unsupportedBody" }, cause });
  }
  const fieldErrors: Record<string, string[]> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" && value.includes("\u0000")) fieldErrors[name] = ["nul"];
  }
  if (Object.keys(fieldErrors).length) {
    throw new AppError("VALIDATION", `NUL character in ${Object.keys(fieldErrors).join(", ")}`, { i18n: { key: "nulCharacter" }, fieldErrors });
  }
  return form;
}
