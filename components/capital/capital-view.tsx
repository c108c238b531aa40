"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CapitalRow, ProductRow } from "@/lib/capital/queries";

const ALL = "__all__";

function share(part: number, whole: number) {
  return whole === 0 ? "—" : `${((part / whole) * 100).toFixed(1)}%`;
}

/** Orders recommending a product per week, oldest on the left; each bar says its count on hover. */
function Trend({ weekly, label }: { weekly: number[]; label: (weeksAgo: number, n: number) => string }) {
  const max = Math.max(1, ...weekly);
  const bars = [...weekly].map((n, weeksAgo) => ({ n, weeksAgo })).reverse();
  return (
    <svg viewBox={`0 0 ${bars.length * 8} 24`} className="h-6 w-16" role="img" aria-label={bars.map((b) => label(b.weeksAgo, b.n)).join("; ")} data-testid="capital-trend">
      {bars.map((b, i) => {
        const h = b.n === 0 ? 1 : Math.max(3, (b.n / max) * 24);
        return (
          <rect key={b.weeksAgo} x={i * 8 + 1} y={24 - h} width={6} height={h} rx={1} className={b.n === 0 ? "fill-muted" : "fill-primary"}>
            <title>{label(b.weeksAgo, b.n)}</title>
          </rect>
        );
      })}
    </svg>
  );
}

export function CapitalView({ providers, products, productCodes }: { providers: CapitalRow[]; products: ProductRow[]; productCodes: string[] }) {
  const t = useTranslations("capital");
  const tp = useTranslations("pretrial");
  const format = useFormatter();
  const router = useRouter();
  const params = useSearchParams();
  const product = params.get("product") ?? ALL;
  if (productCodes.length === 0) return <EmptyState title={t("empty")} />;
  return (
    <div className="min-w-0 space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-muted-foreground">{t("filterProduct")}</span>
        <NativeSelect
          className="w-48"
          aria-label={t("filterProduct")}
          value={product}
          onChange={(e) => router.replace(e.target.value === ALL ? "/capital" : `/capital?product=${encodeURIComponent(e.target.value)}`)}
        >
          <option value={ALL}>{t("allProducts")}</option>
          {productCodes.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </NativeSelect>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t("byProduct")}</CardTitle>
          <CardDescription>{t("byProductHelp")}</CardDescription>
        </CardHeader>
        <CardContent>
          <Table data-testid="capital-products">
            <TableHeader>
              <TableRow>
                <TableHead>{tp("productCode")}</TableHead>
                <TableHead>{tp("productName")}</TableHead>
                <TableHead className="text-right">{t("cardProviders")}</TableHead>
                <TableHead className="text-right">{t("orders")}</TableHead>
                <TableHead className="text-right">{t("share")}</TableHead>
                <TableHead>{t("trend")}</TableHead>
                <TableHead />
              </TableRow>
            </TableHeader>
            <TableBody>
              {products.map((p) => (
                <TableRow key={p.productCode}>
                  <TableCell className="font-mono text-xs">{p.productCode}</TableCell>
                  <TableCell>{p.productName}</TableCell>
                  <TableCell className="text-right">{p.providers}</TableCell>
                  <TableCell className="text-right">{p.orders}</TableCell>
                  <TableCell className="text-right font-medium" title={t("shareOf", { orders: p.orders, passing: p.passingOrders })}>{share(p.orders, p.passingOrders)}</TableCell>
                  <TableCell>
                    <Trend weekly={p.weekly} label={(weeksAgo, n) => t("trendBar", { weeksAgo, n })} />
                  </TableCell>
                  <TableCell className="text-right">
                    <Link className="text-sm text-primary hover:underline" href={`/pretrial?product=${encodeURIComponent(p.productCode)}`}>{t("viewOrders")}</Link>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("catalogue")}</CardTitle>
        </CardHeader>
        <CardContent>
          <Table data-testid="capital-catalogue">
            <TableHeader>
              <TableRow>
                <TableHead>{tp("capitalId")}</TableHead>
                <TableHead>{tp("platform")}</TableHead>
                <TableHead>{tp("productCode")}</TableHead>
                <TableHead>{tp("productName")}</TableHead>
                <TableHead>{tp("labelId")}</TableHead>
                <TableHead className="text-right">{t("recommended")}</TableHead>
                <TableHead>{t("lastSeen")}</TableHead>
                <TableHead />
              </TableRow>
            </TableHeader>
            <TableBody>
              {providers.map((c) => (
                <TableRow key={c.id}>
                  <TableCell className="font-mono text-xs">{c.id}</TableCell>
                  <TableCell>{c.platform}</TableCell>
                  <TableCell className="font-mono text-xs">{c.productCode}</TableCell>
                  <TableCell>{c.productName}</TableCell>
                  <TableCell className="font-mono text-xs">{c.labelId}</TableCell>
                  <TableCell className="text-right">{c.recommended}</TableCell>
                  <TableCell className="text-xs text-muted-foreground">{format.dateTime(new Date(c.lastSeenAt), { dateStyle: "short" })}</TableCell>
                  <TableCell className="text-right">
                    <Link className="text-sm text-primary hover:underline" href={`/pretrial?capital=${encodeURIComponent(c.id)}`}>{t("viewOrders")}</Link>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </div>
  );
}
