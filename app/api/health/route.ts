import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

/** For load balancers and operators (design.md §2): 503 when the database is down. */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.db === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
