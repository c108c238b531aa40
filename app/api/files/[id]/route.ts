import { getDb } from "@/lib/db";
import { newErrorReference } from "@/lib/errors";
import { readFile } from "@/lib/files/store";
import { verifyFileSignature } from "@/lib/files/signed-url";
import { logger } from "@/lib/logger";

// Node crypto and the file system; never cached, as every answer depends on the link's expiry.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "private, no-store" };

function fail(status: number, error: string, extra: Record<string, string> = {}) {
  return Response.json({ error, ...extra }, { status, headers: NO_STORE });
}

/**
 * A stored file (an ID-card photo) for whoever holds a signed link (design.md §3): the vendor
 * fetches it without a session, so the signature is the authorization and is checked before
 * the database or the disk is touched.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const query = new URL(request.url).searchParams;
  const verdict = verifyFileSignature(id, query.get("exp"), query.get("sig"));
  if (verdict === "invalid") return fail(401, "invalid signature");
  if (verdict === "expired") return fail(410, "link expired");

  let file: Awaited<ReturnType<typeof readFile>>;
  try {
    file = await readFile(getDb(), id);
  } catch (err) {
    // A missing or altered file behind a valid link: an operator problem, logged by id only.
    const reference = newErrorReference();
    logger.error({ err, fileId: id, reference }, "stored file could not be served");
    return fail(500, "internal error", { reference });
  }
  if (!file) return fail(404, "not found");

  // A copy onto a plain ArrayBuffer: Buffer's ArrayBufferLike backing is not a BodyInit to TypeScript.
  return new Response(new Uint8Array(file.bytes), {
    status: 200,
    headers: {
      ...NO_STORE,
      "Content-Type": file.row.mimeType,
      "Content-Length": String(file.bytes.length),
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": "inline",
    },
  });
}
