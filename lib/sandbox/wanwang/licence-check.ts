import type { SandboxState } from "../core/state";
import { updateOrder, type LicenceCheck } from "./orders";

const TIMEOUT_MS = 5_000;

/**
 * Fetches the two licence URLs the way the vendor would copy them, after netCredit has been
 * answered (a slow image host must not slow the order down), and records the outcome on the
 * order. The console serves these from signed, expiring URLs, so an unreachable or
 * non-image answer here points at a console problem; it never fails the order.
 */
export async function checkLicences(
  state: SandboxState,
  querySn: string,
  urls: { front: string; back: string },
): Promise<void> {
  const checks = await Promise.all([checkOne("front", urls.front), checkOne("back", urls.back)]);
  updateOrder(state, querySn, (order) => ({ ...order, licenceChecks: checks }));
}

async function checkOne(side: LicenceCheck["side"], url: string): Promise<LicenceCheck> {
  const base = { side, checkedAt: new Date().toISOString() };
  try {
    // GET rather than HEAD: signed-URL handlers often implement only GET, and the magic bytes tell more.
    const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: "follow" });
    const head = res.ok ? await firstBytes(res, 8) : Buffer.alloc(0);
    if (!res.ok) await res.body?.cancel();
    return {
      ...base,
      reachable: res.ok,
      status: res.status,
      contentType: res.headers.get("content-type"),
      imageType: sniffImage(head),
      error: res.ok ? null : `HTTP ${res.status}`,
    };
  } catch (error) {
    const message = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    return { ...base, reachable: false, status: null, contentType: null, imageType: null, error: message };
  }
}

/** Reads only the start of the body, then lets the rest go. */
async function firstBytes(res: Response, count: number): Promise<Buffer> {
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < count) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).subarray(0, count);
}

function sniffImage(head: Buffer): LicenceCheck["imageType"] {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "jpeg";
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return "png";
  }
  return null;
}
