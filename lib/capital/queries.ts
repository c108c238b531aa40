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

/**
 * Per product: orders recommending it and their pass rate among decided orders (passed or
 * failed), so orders still in flight do not drag the rate down.
 */
export async function listCapitalProducts(db: DbOrTx, user: SessionUser, productCode?: string | null): Promise<ProductRow[]> {
  const product = productCode ? Prisma.sql`WHERE c.product_code = ${productCode}` : Prisma.empty;
  const rows = await db.$queryRaw<{ productCode: string; productName: string; providers: bigint; orders: bigint; passed: bigint; decided: bigint }[]>`
    SELECT c.product_code AS "productCode", MIN(c.product_name) AS "productName", COUNT(DISTINCT c.id) AS providers,
           COUNT(DISTINCT o.id) AS orders,
           COUNT(DISTINCT o.id) FILTER (WHERE o.status = 'PASSED') AS passed,
           COUNT(DISTINCT o.id) FILTER (WHERE o.status IN ('PASSED', 'FAILED')) AS decided
    FROM capital_providers c
    LEFT JOIN pretrial_recommendations r ON r.capital_id = c.id
    LEFT JOIN pretrial_orders o ON o.id = r.order_id ${officerFilter(user)}
    ${product}
    GROUP BY c.product_code
    ORDER BY orders DESC, c.product_code`;
  return rows.map((r) => ({ ...r, providers: Number(r.providers), orders: Number(r.orders), passed: Number(r.passed), decided: Number(r.decided) }));
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
