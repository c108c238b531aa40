import { getTranslations } from "next-intl/server";
import { CapitalView } from "@/components/capital/capital-view";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { getAreaUser } from "@/lib/auth/guard";
import { CAPITAL_WINDOW_DAYS, listCapitalProducts, listCapitalProviders, listProductCodes } from "@/lib/capital/queries";
import { getDb } from "@/lib/db";

export async function generateMetadata() {
  return { title: (await getTranslations("capital"))("title") };
}

export default async function CapitalPage({ searchParams }: { searchParams: Promise<{ product?: string }> }) {
  const user = await getAreaUser("capital");
  if (!user) return <Forbidden />;
  const { product } = await searchParams;
  const db = getDb();
  const t = await getTranslations("capital");
  const [providers, products, allProducts] = await Promise.all([
    listCapitalProviders(db, user, product),
    listCapitalProducts(db, user, product),
    listProductCodes(db),
  ]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("description", { days: CAPITAL_WINDOW_DAYS })} />
      <CapitalView providers={providers} products={products} productCodes={allProducts} />
    </div>
  );
}
