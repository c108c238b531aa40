import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/** Placeholder block; aria-hidden because the surrounding region announces the loading state. */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden="true"
      className={cn("animate-pulse rounded-md bg-muted", className)}
      {...props}
    />
  );
}
