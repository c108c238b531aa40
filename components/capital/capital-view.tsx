"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CapitalRow, ProductRow } from "@/lib/capital/queries";

const ALL = "__all__";

function rate(passed: number, decided: number) {
  return decided === 0 ? "—" : `${((passed / decided) * 100).toFixed(1)}%`;
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
    <div className="space-y-4">
      <div className="flex items-center gap-2">
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
        </CardHeader>
        <CardContent>
          <Table data-testid="capital-products">
            <TableHeader>
              <TableRow>
                <TableHead>{tp("productCode")}</TableHead>
                <TableHead>{tp("productName")}</TableHead>
                <TableHead className="text-right">{t("cardProviders")}</TableHead>
                <TableHead className="text-right">{t("orders")}</TableHead>
                <TableHead className="text-right">{t("passRate")}</TableHead>
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
                  <TableCell className="text-right font-medium">{rate(p.passed, p.decided)}</TableCell>
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
