import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { DbOrTx } from "@/lib/db";
import { readRows } from "@/lib/db/read-rows";
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

/**
 * The figures cover the last week's orders: a count over every recommendation ever made grows with
 * the table (a longer view would read a daily roll-up, not the raw rows).
 */
export const CAPITAL_WINDOW_DAYS = 7;

function windowStart(now: Date) {
  return new Date(now.getTime() - CAPITAL_WINDOW_DAYS * 24 * 3600_000);
}

/** Weeks of history in the per-product trend. */
export const TREND_WEEKS = 4;

/**
 * Orders created in the window and their recommendations. Both sides are index ranges:
 * recommendations by (created_at) carrying capital and order ids, orders by created_at with
 * their status (a skip scan of (status, created_at, id)), hash-joined; without the order-side
 * range PostgreSQL reads every order to find the statuses.
 */
function recentRecommendations(user: SessionUser, since: Date) {
  return Prisma.sql`SELECT r.capital_id, r.order_id, o.status, o.created_at FROM pretrial_recommendations r JOIN pretrial_orders o ON o.id = r.order_id
    WHERE r.created_at >= ${since} AND o.created_at >= ${since} ${officerFilter(user)}`;
}

/** Every provider seen, how often it was recommended in the window and how many of those orders passed. */
export async function listCapitalProviders(db: DbOrTx, user: SessionUser, productCode?: string | null, now = new Date()): Promise<CapitalRow[]> {
  const product = productCode ? Prisma.sql`WHERE c.product_code = ${productCode}` : Prisma.empty;
  const rows = await readRows<CapitalRow>(db, Prisma.sql`
    SELECT c.id, c.platform, c.product_code AS "productCode", c.product_name AS "productName", c.label_id AS "labelId", c.last_seen_at AS "lastSeenAt",
           CAST(COALESCE(s.recommended, 0) AS int) AS recommended, CAST(COALESCE(s.passed, 0) AS int) AS passed
    FROM capital_providers c
    LEFT JOIN (
      SELECT x.capital_id, count(*) AS recommended, count(*) FILTER (WHERE x.status = 'PASSED') AS passed
      FROM (${recentRecommendations(user, windowStart(now))}) x GROUP BY x.capital_id
    ) s ON s.capital_id = c.id
    ${product}
    ORDER BY recommended DESC, c.id`);
  return rows;
}

/**
 * Per product, over the last `TREND_WEEKS` weeks: how many passing orders it was recommended to,
 * and their share of all passing orders. 万网 sends providers only with a passing result, so a
 * pass rate per product is always 100 % and says nothing; the share does (how often a passing
 * customer can go there). `weekly[i]` counts those orders created `i` weeks ago (0 = the last 7
 * days). Both sides of the join are index ranges over the window (see recentRecommendations).
 */
export async function listCapitalProducts(db: DbOrTx, user: SessionUser, productCode?: string | null, now = new Date()): Promise<ProductRow[]> {
  const product = productCode ? Prisma.sql`WHERE c.product_code = ${productCode}` : Prisma.empty;
  const since = new Date(now.getTime() - TREND_WEEKS * 7 * 86_400_000);
  const [products, weekly, passing] = await Promise.all([
    readRows<{ productCode: string; productName: string; providers: number }>(db, Prisma.sql`
      SELECT c.product_code AS "productCode", MIN(c.product_name) AS "productName", CAST(COUNT(*) AS int) AS providers
      FROM capital_providers c ${product} GROUP BY c.product_code`),
    readRows<{ productCode: string; weeksAgo: number; n: number }>(db, Prisma.sql`
      WITH x AS (${recentRecommendations(user, since)}),
      -- One row per (product, order): an order recommending two providers of a product counts once.
      pairs AS (
        SELECT c.product_code, x.order_id, min(x.created_at) AS at FROM x JOIN capital_providers c ON c.id = x.capital_id
        WHERE x.status = 'PASSED' GROUP BY 1, 2
      )
      SELECT product_code AS "productCode", CAST(floor(extract(epoch FROM (${now}::timestamptz - at)) / 604800) AS int) AS "weeksAgo", CAST(count(*) AS int) AS n
      FROM pairs GROUP BY 1, 2`),
    readRows<{ n: number }>(db, Prisma.sql`
      SELECT CAST(count(*) AS int) AS n FROM pretrial_orders o WHERE o.status = 'PASSED' AND o.created_at >= ${since} ${officerFilter(user)}`),
  ]);
  const passingOrders = passing[0]?.n ?? 0;
  const trend = new Map<string, number[]>();
  for (const w of weekly) {
    const series = trend.get(w.productCode) ?? Array<number>(TREND_WEEKS).fill(0);
    if (w.weeksAgo >= 0 && w.weeksAgo < TREND_WEEKS) series[w.weeksAgo] += w.n;
    trend.set(w.productCode, series);
  }
  return products
    .map((p) => {
      const series = trend.get(p.productCode) ?? Array<number>(TREND_WEEKS).fill(0);
      return { ...p, orders: series.reduce((a, b) => a + b, 0), passingOrders, weekly: series };
    })
    .sort((a, b) => b.orders - a.orders || a.productCode.localeCompare(b.productCode));
}

/** The catalogue's size for the home card, as scalar subqueries (a table of a few dozen rows). */
export function capitalCardSql() {
  return {
    providers: Prisma.sql`(SELECT CAST(count(*) AS int) FROM capital_providers)`,
    products: Prisma.sql`(SELECT CAST(count(DISTINCT product_code) AS int) FROM capital_providers)`,
  };
}

export async function listProductCodes(db: DbOrTx): Promise<string[]> {
  const rows = await db.capitalProvider.findMany({ distinct: ["productCode"], select: { productCode: true }, orderBy: { productCode: "asc" } });
  return rows.map((r) => r.productCode);
}
