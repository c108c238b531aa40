import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AccountCheck, PostingLine } from "@/lib/custody/account-view";
import { formatYuan } from "@/lib/money";

type Props = {
  platformUserNo: string;
  account: { userType: string; status: string; cardBound: boolean; bankcardMasked: string | null; bankcode: string | null } | null;
  ledger: { available: number; frozen: number };
  check: AccountCheck;
  postings: PostingLine[];
  showReason: boolean;
};

/** Ledger beside 联银通's own figures for one account, and the postings behind the ledger's. */
export async function AccountCheckView({ platformUserNo, account, ledger, check, postings, showReason }: Props) {
  const t = await getTranslations("custody");
  const format = await getFormatter();
  const side = (label: string, v: { available: number; frozen: number } | null) => (
    <div className="rounded-md border p-3">
      <div className="text-sm text-muted-foreground">{label}</div>
      {v ? (
        <dl className="mt-1 grid grid-cols-2 gap-2">
          <div>
            <dt className="text-xs text-muted-foreground">{t("available")}</dt>
            <dd className="font-semibold tabular-nums">{formatYuan(v.available)}</dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">{t("frozen")}</dt>
            <dd className="font-semibold tabular-nums">{formatYuan(v.frozen)}</dd>
          </div>
        </dl>
      ) : (
        <p className="mt-1 text-sm">{t("account.unavailable")}</p>
      )}
    </div>
  );
  return (
    <div className="space-y-4">
      <Card data-testid="account-check">
        <CardHeader className="flex flex-row flex-wrap items-center gap-3">
          <CardTitle className="font-mono">{platformUserNo}</CardTitle>
          {check.kind === "match" && <Badge variant="success">{t("account.match")}</Badge>}
          {check.kind === "mismatch" && <Badge variant="destructive">{t("account.mismatch")}</Badge>}
          {check.kind === "unavailable" && <Badge variant="warning">{t("account.unavailable")}</Badge>}
          {account && (
            <span className="text-sm text-muted-foreground">
              {account.userType} · {account.status} · {account.cardBound ? `${account.bankcode ?? ""} ${account.bankcardMasked ?? ""}` : t("noCard")}
            </span>
          )}
        </CardHeader>
        <CardContent className="space-y-3">
          <div className="grid gap-3 sm:grid-cols-2">
            {side(t("account.ledger"), ledger)}
            {side(t("account.custody"), check.kind === "unavailable" ? null : check.custody)}
          </div>
          {check.kind === "mismatch" && <p className="text-sm text-destructive">{t("account.diff", { available: formatYuan(check.availableDiff), frozen: formatYuan(check.frozenDiff) })}</p>}
          {check.kind === "unavailable" && showReason && <p className="break-all text-xs text-muted-foreground">{check.reason}</p>}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("account.postings")}</CardTitle>
        </CardHeader>
        <CardContent>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("confirmedAt")}</TableHead>
                <TableHead>{t("account.operation")}</TableHead>
                <TableHead>{t("requestNo")}</TableHead>
                <TableHead>{t("account.bucket")}</TableHead>
                <TableHead className="text-right">{t("amount")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {postings.map((p) => (
                <TableRow key={p.id}>
                  <TableCell className="whitespace-nowrap text-xs">{format.dateTime(p.at, { dateStyle: "short", timeStyle: "medium" })}</TableCell>
                  <TableCell className="text-xs">
                    {p.operation}
                    {p.reversal && <Badge variant="warning" className="ml-1">{t("account.reversal")}</Badge>}
                  </TableCell>
                  <TableCell className="font-mono text-xs">{p.requestNo ?? "—"}</TableCell>
                  <TableCell className="text-xs">{p.bucket === "AVAILABLE" ? t("available") : t("frozen")}</TableCell>
                  <TableCell className={`text-right tabular-nums ${p.amount < 0 ? "text-destructive" : ""}`}>{formatYuan(p.amount)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </div>
  );
}
