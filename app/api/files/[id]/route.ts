import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readFile } from "@/lib/files/store";
import { verifyFileSignature } from "@/lib/files/signed-url";
import { RouteRefusal } from "@/lib/http/error-response";
import { signedRoute } from "@/lib/http/route";

// Node crypto and the file system; never cached, as every answer depends on the link's expiry.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * A stored file (an ID-card photo) for whoever holds a signed link (design.md §3): the vendor
 * fetches it without a session, so the signature is the authorization and is checked before
 * the database or the disk is touched. A missing or altered file behind a valid link is an
 * operator problem: 500 with a reference id, logged by file id only.
 */
export const GET = signedRoute<{ id: string }>({ name: "file.read" }, async ({ request, params }) => {
  const query = new URL(request.url).searchParams;
  const verdict = verifyFileSignature(params.id, query.get("exp"), query.get("sig"));
  if (verdict === "invalid") throw new AppError("UNAUTHENTICATED", "invalid file signature");
  if (verdict === "expired") throw new RouteRefusal(410, "INVALID_STATE", "file link expired", { i18n: { key: "linkExpired" } });

  const file = await readFile(getDb(), params.id).catch((cause: unknown) => {
    throw new Error(`stored file ${params.id} could not be served`, { cause });
  });
  if (!file) throw new AppError("NOT_FOUND", `stored file ${params.id}`);

  // A copy onto a plain ArrayBuffer: Buffer's ArrayBufferLike backing is not a BodyInit to TypeScript.
  return new Response(new Uint8Array(file.bytes), {
    status: 200,
    headers: {
      "Cache-Control": "private, no-store",
      "Content-Type": file.row.mimeType,
      "Content-Length": String(file.bytes.length),
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": "inline",
    },
  });
});
