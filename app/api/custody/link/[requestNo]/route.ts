import { clientIpFrom } from "@/lib/auth/client-ip";
import { customerLinkResponse } from "@/lib/custody/customer-link";
import { getDb } from "@/lib/db";

/**
 * Public: the customer opens the signed, expiring link finance handed them (or scanned its QR
 * code) and is carried to 联银通 by the auto-submitting form. No session: the signature is
 * the authority, and the page holds only the signed request 联银通 will check itself. Openings
 * are limited per client address and per requestNo, and each is audited (lib/custody/customer-link.ts).
 */
export async function GET(request: Request, { params }: { params: Promise<{ requestNo: string }> }) {
  const { requestNo } = await params;
  return customerLinkResponse(getDb(), decodeURIComponent(requestNo), new URL(request.url).searchParams, new Date(), { ip: clientIpFrom(request.headers) });
}
