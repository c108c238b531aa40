import { ChevronDown } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/**
 * A styled native <select>: keyboard, screen readers and phones get the platform's own picker,
 * and the table's toolbar does not pull Radix Select and its popper into every list page's
 * first-load JS.
 */
export function NativeSelect({ className, size = "default", children, ...props }: Omit<ComponentProps<"select">, "size"> & { size?: "sm" | "default" }) {
  return (
    <span className={cn("relative inline-flex", className)}>
      <select
        className={cn(
          "w-full appearance-none rounded-md border border-input bg-transparent pr-8 pl-3 text-sm shadow-xs outline-none",
          "focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:cursor-not-allowed disabled:opacity-50",
          size === "sm" ? "h-8" : "h-9",
        )}
        {...props}
      >
        {children}
      </select>
      <ChevronDown className="pointer-events-none absolute right-2.5 top-1/2 size-4 -translate-y-1/2 opacity-50" aria-hidden />
    </span>
  );
}
