import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AccountCheckView } from "@/components/custody/account-check";
import { AccountOperations } from "@/components/custody/account-operations";
import { Forbidden } from "@/components/shell/forbidden";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { getAreaUser } from "@/lib/auth/guard";
import { checkAgainstCustody, getAccountView, openHolds, type PostingLine } from "@/lib/custody/account-view";
import { getDb } from "@/lib/db";
import { lanmao } from "@/lib/vendors/lanmao";

export async function generateMetadata() {
  return { title: (await getTranslations("custody"))("account.title") };
}

/** The account's ledger transactions a correction may reverse: not reversals themselves, newest first. */
function reversible(postings: PostingLine[]) {
  const seen = new Map<string, string>();
  for (const p of postings) if (!p.reversal && !seen.has(p.transactionId)) seen.set(p.transactionId, `#${p.transactionId} · ${p.operation}${p.requestNo ? ` · ${p.requestNo}` : ""}`);
  return [...seen].map(([id, label]) => ({ id, label }));
}

export default async function CustodyAccountPage({ params }: { params: Promise<{ platformUserNo: string }> }) {
  const user = await getAreaUser("custody");
  if (!user) return <Forbidden />;
  const platformUserNo = decodeURIComponent((await params).platformUserNo);
  const view = await getAccountView(getDb(), user, platformUserNo);
  if (!view) notFound();
  // Asked live each time the page opens: the check is only worth what custody says now.
  const check = await checkAgainstCustody(view.ledger, async () => (await lanmao.queryUser(platformUserNo)).data);
  const tn = await getTranslations("nav");
  const t = await getTranslations("custody");
  return (
    <div className="min-w-0 space-y-4">
      <Breadcrumbs items={[{ label: tn("custody"), href: "/custody" }, { label: t("account.title") }]} />
      <AccountCheckView platformUserNo={platformUserNo} account={view.account} ledger={view.ledger} check={check} postings={view.postings} showReason={user.role === "ADMIN"} />
      {view.account && (user.role === "FINANCE" || user.role === "ADMIN") && (
        <AccountOperations
          platformUserNo={platformUserNo}
          userType={view.account.userType}
          cardBound={view.account.cardBound}
          available={view.ledger.available}
          holds={await openHolds(getDb(), platformUserNo)}
          transactions={reversible(view.postings)}
        />
      )}
    </div>
  );
}
