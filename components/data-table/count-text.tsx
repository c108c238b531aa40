import { useFormatter } from "next-intl";
import type { CappedCount } from "@/lib/list/cursor";

/** A capped count as people read it: "1,000+" past the cap, the number otherwise. */
export function CountText({ count }: { count: CappedCount }) {
  const format = useFormatter();
  return (
    <span className="tabular-nums">
      {format.number(count.value)}
      {count.capped ? "+" : ""}
    </span>
  );
}
