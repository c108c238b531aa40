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

export type ProductRow = { productCode: string; productName: string; providers: number; orders: number; passed: number; decided: number };

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

/**
 * Orders created in the window and their recommendations. Both sides are index ranges:
 * recommendations by (created_at) carrying capital and order ids, orders by created_at with
 * their status (a skip scan of (status, created_at, id)), hash-joined; without the order-side
 * range PostgreSQL reads every order to find the statuses.
 */
function recentRecommendations(user: SessionUser, since: Date) {
  return Prisma.sql`SELECT r.capital_id, r.order_id, o.status FROM pretrial_recommendations r JOIN pretrial_orders o ON o.id = r.order_id
    WHERE r.created_at >= ${since} AND o.created_at >= ${since} ${officerFilter(user)}`;
}

/** Every provider seen, how often it was recommended in the window and how many of those orders passed. */
export async function listCapitalProviders(db: DbOrTx, user: SessionUser, productCode?: string | null, now = new Date()): Promise<CapitalRow[]> {
  const product = productCode ? Prisma.sql`WHERE c.product_code = ${productCode}` : Prisma.empty;
  const rows = await db.$queryRaw<CapitalRow[]>`
    SELECT c.id, c.platform, c.product_code AS "productCode", c.product_name AS "productName", c.label_id AS "labelId", c.last_seen_at AS "lastSeenAt",
           CAST(COALESCE(s.recommended, 0) AS int) AS recommended, CAST(COALESCE(s.passed, 0) AS int) AS passed
    FROM capital_providers c
    LEFT JOIN (
      SELECT x.capital_id, count(*) AS recommended, count(*) FILTER (WHERE x.status = 'PASSED') AS passed
      FROM (${recentRecommendations(user, windowStart(now))}) x GROUP BY x.capital_id
    ) s ON s.capital_id = c.id
    ${product}
    ORDER BY recommended DESC, c.id`;
  return rows;
}

/**
 * Per product: orders in the window recommending it and their pass rate among decided orders
 * (passed or failed), so orders still in flight do not drag the rate down.
 */
export async function listCapitalProducts(db: DbOrTx, user: SessionUser, productCode?: string | null, now = new Date()): Promise<ProductRow[]> {
  const product = productCode ? Prisma.sql`WHERE c.product_code = ${productCode}` : Prisma.empty;
  const rows = await db.$queryRaw<ProductRow[]>`
    WITH x AS (${recentRecommendations(user, windowStart(now))}),
    -- One row per (product, order): an order recommending two providers of a product counts once.
    pairs AS (
      SELECT c.product_code, x.order_id, min(x.status) AS status FROM x JOIN capital_providers c ON c.id = x.capital_id GROUP BY 1, 2
    ),
    per_product AS (
      SELECT product_code, CAST(count(*) AS int) AS orders,
             CAST(count(*) FILTER (WHERE status = 'PASSED') AS int) AS passed,
             CAST(count(*) FILTER (WHERE status IN ('PASSED', 'FAILED')) AS int) AS decided
      FROM pairs GROUP BY product_code
    )
    SELECT c.product_code AS "productCode", MIN(c.product_name) AS "productName", CAST(COUNT(c.id) AS int) AS providers,
           COALESCE(MAX(p.orders), 0) AS orders, COALESCE(MAX(p.passed), 0) AS passed, COALESCE(MAX(p.decided), 0) AS decided
    FROM capital_providers c LEFT JOIN per_product p ON p.product_code = c.product_code
    ${product}
    GROUP BY c.product_code
    ORDER BY orders DESC, c.product_code`;
  return rows;
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
