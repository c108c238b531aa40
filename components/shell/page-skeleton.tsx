import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui/skeleton";

type Variant = "list" | "detail" | "form";

/** What a page looks like while it loads, shaped like the page to come (a list, a record, a form). */
export function PageSkeleton({ variant = "list" }: { variant?: Variant }) {
  const t = useTranslations("common");
  return (
    <div role="status" aria-busy="true" className="min-w-0 space-y-4" data-testid="page-skeleton">
      <span className="sr-only">{t("loading")}</span>
      <div className="space-y-2">
        <Skeleton className="h-7 w-48 max-w-full" />
        <Skeleton className="h-4 w-80 max-w-full" />
      </div>
      {variant === "list" && (
        <>
          <div className="flex flex-wrap gap-2">
            <Skeleton className="h-9 w-40" />
            <Skeleton className="h-9 w-32" />
            <Skeleton className="h-9 w-24" />
          </div>
          <div className="space-y-2 rounded-lg border p-3">
            {Array.from({ length: 8 }, (_, i) => (
              <Skeleton key={i} className="h-8 w-full" />
            ))}
          </div>
        </>
      )}
      {variant === "detail" && (
        <div className="grid gap-4 lg:grid-cols-3">
          <Skeleton className="h-72 lg:col-span-2" />
          <Skeleton className="h-72" />
          <Skeleton className="h-32 lg:col-span-3" />
        </div>
      )}
      {variant === "form" && (
        <div className="grid max-w-3xl gap-5 rounded-lg border p-6 sm:grid-cols-2">
          {Array.from({ length: 6 }, (_, i) => (
            <div key={i} className="space-y-2">
              <Skeleton className="h-4 w-24" />
              <Skeleton className="h-9 w-full" />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
