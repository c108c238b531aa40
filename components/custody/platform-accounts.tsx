import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatYuan } from "@/lib/money";

/** The three platform accounts (§5.3.18) from the ledger. */
export async function PlatformAccounts({ accounts }: { accounts: { owner: string; available: number; frozen: number }[] }) {
  const t = await getTranslations("custody");
  return (
    <Card data-testid="platform-accounts">
      <CardHeader>
        <CardTitle>{t("platformAccounts")}</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-3 sm:grid-cols-3">
          {accounts.map((a) => (
            <div key={a.owner} className="rounded-md border p-3">
              <dt className="text-sm text-muted-foreground">{t(`platform.${a.owner}` as "platform.PLATFORM_FEE_ACCOUNT")}</dt>
              <dd className="text-lg font-semibold tabular-nums">{formatYuan(a.available)}</dd>
              <dd className="text-xs text-muted-foreground tabular-nums">
                {t("frozen")} {formatYuan(a.frozen)}
              </dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
