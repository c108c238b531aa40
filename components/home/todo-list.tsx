import { ArrowRight, CheckCircle2, Clock } from "lucide-react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { TodoItem } from "@/lib/home/todos";
import { cn } from "@/lib/utils";

/** Today's to-do for the signed-in role: each line a count that links into the list it counts. */
export async function TodoList({ items, staleHours }: { items: TodoItem[]; staleHours: number }) {
  const t = await getTranslations("home.todo");
  const format = await getFormatter();
  return (
    <Card data-testid="todo-list">
      <CardHeader className="pb-2">
        <CardTitle className="text-base">
          <h2>{t("title")}</h2>
        </CardTitle>
      </CardHeader>
      <CardContent>
        {items.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("nothing")}</p>
        ) : (
          <ul className="divide-y">
            {items.map((item) => (
              <li key={item.key} className="flex items-center justify-between gap-3 py-2.5" data-testid={`todo-${item.key}`}>
                {"notBuilt" in item ? (
                  <>
                    <span className="flex min-w-0 items-center gap-2 text-sm text-muted-foreground">
                      <Clock className="size-4 shrink-0" aria-hidden />
                      <span className="truncate">{t(`items.${item.key}`, { hours: staleHours })}</span>
                    </span>
                    <span className="shrink-0 text-xs text-muted-foreground">{t("notBuilt")}</span>
                  </>
                ) : (
                  <Link href={item.href} className="group flex w-full min-w-0 items-center justify-between gap-3 rounded-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
                    <span className="flex min-w-0 items-center gap-2 text-sm">
                      {item.count.value === 0 ? (
                        <CheckCircle2 className="size-4 shrink-0 text-success" aria-hidden />
                      ) : (
                        <Clock className="size-4 shrink-0 text-warning" aria-hidden />
                      )}
                      <span className="truncate group-hover:underline">{t(`items.${item.key}`, { hours: staleHours })}</span>
                    </span>
                    <span className="flex shrink-0 items-center gap-1">
                      <span data-testid={`todo-count-${item.key}`} className={cn("text-lg font-semibold tabular-nums", item.count.value > 0 && "text-warning")}>
                        {format.number(item.count.value)}
                        {item.count.capped ? "+" : ""}
                      </span>
                      <ArrowRight className="size-4 text-muted-foreground" aria-hidden />
                    </span>
                  </Link>
                )}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
