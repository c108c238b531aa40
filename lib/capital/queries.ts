import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { DbOrTx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { orderScope } from "@/lib/pretrial/access";

export type CapitalRow = {
  id: string;
  platform: string;
  productCode: string;
  productName: string;
  labelId: string;
  lastSeenAt: Date;
  recommended: number;
  passed: number;
};

export type ProductRow = {
  productCode: string;
  productName: string;
  providers: number;
  /** Passing orders that recommend the product. */
  orders: number;
  /** All passing orders in the user's scope: the denominator of the share. */
  passingOrders: number;
  /** Orders recommending it per week, newest first (`TREND_WEEKS` entries). */
  weekly: number[];
};

/** Officers' figures cover their own orders only; the catalogue itself is shared. */
function officerFilter(user: SessionUser) {
  const scope = orderScope(user);
  return "officerId" in scope ? Prisma.sql`AND o.officer_id = ${scope.officerId}` : Prisma.empty;
}

/** Every provider seen, how often it was recommended and how many of those orders passed. */
export async function listCapitalProviders(db: DbOrTx, user: SessionUser, productCode?: string | null): Promise<CapitalRow[]> {
  const product = productCode ? Prisma.sql`WHERE c.product_code = ${productCode}` : Prisma.empty;
  const rows = await db.$queryRaw<(Omit<CapitalRow, "recommended" | "passed"> & { recommended: bigint; passed: bigint })[]>`
    SELECT c.id, c.platform, c.product_code AS "productCode", c.product_name AS "productName", c.label_id AS "labelId", c.last_seen_at AS "lastSeenAt",
           COUNT(o.id) AS recommended, COUNT(o.id) FILTER (WHERE o.status = 'PASSED') AS passed
    FROM capital_providers c
    LEFT JOIN pretrial_recommendations r ON r.capital_id = c.id
    LEFT JOIN pretrial_orders o ON o.id = r.order_id ${officerFilter(user)}
    ${product}
    GROUP BY c.id
    ORDER BY recommended DESC, c.id`;
  return rows.map((r) => ({ ...r, recommended: Number(r.recommended), passed: Number(r.passed) }));
}

/** Weeks of history in the per-product trend. */
export const TREND_WEEKS = 8;

/**
 * Per product: how many orders it was recommended to, and the share of passing orders that
 * recommend it. 万网 sends providers only with a passing result, so a pass rate per product
 * is always 100 % and says nothing; the share does (how often a passing customer can go there).
 * `weekly[i]` counts the orders recommending it whose result came `i` weeks ago (0 = the last 7 days).
 */
export async function listCapitalProducts(db: DbOrTx, user: SessionUser, productCode?: string | null, now = new Date()): Promise<ProductRow[]> {
  const product = productCode ? Prisma.sql`WHERE c.product_code = ${productCode}` : Prisma.empty;
  const since = new Date(now.getTime() - TREND_WEEKS * 7 * 86_400_000);
  const [rows, passing, weekly] = await Promise.all([
    db.$queryRaw<{ productCode: string; productName: string; providers: bigint; orders: bigint }[]>`
      SELECT c.product_code AS "productCode", MIN(c.product_name) AS "productName", COUNT(DISTINCT c.id) AS providers,
             COUNT(DISTINCT o.id) FILTER (WHERE o.status = 'PASSED') AS orders
      FROM capital_providers c
      LEFT JOIN pretrial_recommendations r ON r.capital_id = c.id
      LEFT JOIN pretrial_orders o ON o.id = r.order_id ${officerFilter(user)}
      ${product}
      GROUP BY c.product_code
      ORDER BY orders DESC, c.product_code`,
    db.$queryRaw<{ n: bigint }[]>`SELECT COUNT(*) AS n FROM pretrial_orders o WHERE o.status = 'PASSED' ${officerFilter(user)}`,
    db.$queryRaw<{ productCode: string; weeksAgo: number; n: bigint }[]>`
      SELECT c.product_code AS "productCode",
             floor(extract(epoch FROM (${now}::timestamptz - COALESCE(o.result_at, o.created_at))) / 604800)::int AS "weeksAgo",
             COUNT(DISTINCT o.id) AS n
      FROM capital_providers c
      JOIN pretrial_recommendations r ON r.capital_id = c.id
      JOIN pretrial_orders o ON o.id = r.order_id ${officerFilter(user)}
      WHERE o.status = 'PASSED' AND COALESCE(o.result_at, o.created_at) > ${since}::timestamptz AND COALESCE(o.result_at, o.created_at) <= ${now}::timestamptz
      GROUP BY 1, 2`,
  ]);
  const passingOrders = Number(passing[0]?.n ?? 0);
  const trend = new Map<string, number[]>();
  for (const w of weekly) {
    const series = trend.get(w.productCode) ?? Array<number>(TREND_WEEKS).fill(0);
    if (w.weeksAgo >= 0 && w.weeksAgo < TREND_WEEKS) series[w.weeksAgo] += Number(w.n);
    trend.set(w.productCode, series);
  }
  return rows.map((r) => ({
    productCode: r.productCode,
    productName: r.productName,
    providers: Number(r.providers),
    orders: Number(r.orders),
    passingOrders,
    weekly: trend.get(r.productCode) ?? Array<number>(TREND_WEEKS).fill(0),
  }));
}

export async function getCapitalCardStats(db: DbOrTx) {
  const [providers, products] = await Promise.all([
    db.capitalProvider.count(),
    db.capitalProvider.findMany({ distinct: ["productCode"], select: { productCode: true } }),
  ]);
  return { providers, products: products.length };
}

export async function listProductCodes(db: DbOrTx): Promise<string[]> {
  const rows = await db.capitalProvider.findMany({ distinct: ["productCode"], select: { productCode: true }, orderBy: { productCode: "asc" } });
  return rows.map((r) => r.productCode);
}
