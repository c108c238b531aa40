import Link from "next/link";
import { useTranslations } from "next-intl";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { OrderJson } from "@/lib/pretrial/order-json";

/** The order's `platformData`: the capital providers that may fund it. */
export function CapitalList({ recommendations }: { recommendations: OrderJson["recommendations"] }) {
  const t = useTranslations("pretrial");
  if (recommendations.length === 0) return <p className="text-sm text-muted-foreground">{t("noCapital")}</p>;
  return (
    <Table data-testid="capital-list">
      <TableHeader>
        <TableRow>
          <TableHead>{t("platform")}</TableHead>
          <TableHead>{t("productName")}</TableHead>
          <TableHead>{t("productCode")}</TableHead>
          <TableHead>{t("labelId")}</TableHead>
          <TableHead>{t("capitalId")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {recommendations.map(({ capital }) => (
          <TableRow key={capital.id}>
            <TableCell>{capital.platform}</TableCell>
            <TableCell>{capital.productName}</TableCell>
            <TableCell>
              <Link className="font-mono text-xs text-primary hover:underline" href={`/capital?product=${encodeURIComponent(capital.productCode)}`}>
                {capital.productCode}
              </Link>
            </TableCell>
            <TableCell className="font-mono text-xs">{capital.labelId}</TableCell>
            <TableCell className="font-mono text-xs">{capital.id}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
