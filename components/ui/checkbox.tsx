"use client";

import { Check, Minus } from "lucide-react";
import { type ComponentProps, useEffect, useRef } from "react";
import { cn } from "@/lib/utils";

type CheckboxProps = Omit<ComponentProps<"input">, "type" | "checked" | "onChange"> & {
  checked?: boolean | "indeterminate";
  onCheckedChange?: (checked: boolean) => void;
};

/**
 * A native checkbox drawn like the other controls: the browser gives it its role, keyboard,
 * label and form behaviour without a script library (a list page's first-load JS counts,
 * issue 7). `checked="indeterminate"` sets the DOM property the attribute cannot.
 */
export function Checkbox({ className, checked, onCheckedChange, ...props }: CheckboxProps) {
  const ref = useRef<HTMLInputElement>(null);
  const indeterminate = checked === "indeterminate";
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <span className={cn("relative inline-flex size-4 shrink-0", className)}>
      <input
        ref={ref}
        type="checkbox"
        data-slot="checkbox"
        checked={checked === true}
        onChange={(e) => onCheckedChange?.(e.currentTarget.checked)}
        className={cn(
          "peer size-4 shrink-0 cursor-pointer appearance-none rounded-sm border border-input bg-background shadow-sm transition-colors",
          "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background",
          "disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-destructive",
          "checked:border-primary checked:bg-primary indeterminate:border-primary indeterminate:bg-primary",
        )}
        {...props}
      />
      <Check className="pointer-events-none absolute inset-0 m-auto hidden size-3.5 text-primary-foreground peer-checked:block" aria-hidden="true" />
      <Minus className="pointer-events-none absolute inset-0 m-auto hidden size-3.5 text-primary-foreground peer-indeterminate:block" aria-hidden="true" />
    </span>
  );
}
