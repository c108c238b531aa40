import { cva, type VariantProps } from "class-variance-authority";
import { CircleCheck, CircleExclamationPoint, Info, TriangleExclamationPoint } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils";

const alertVariants = cva(
  "relative grid w-full grid-cols-[0_1fr] items-start gap-y-0.5 rounded-lg border px-4 py-3 text-sm has-[>svg]:grid-cols-[1rem_1fr] has-[>svg]:gap-x-3 [&>svg]:size-4 [&>svg]:translate-y-0.5 [&>svg]:text-current",
  {
    variants: {
      variant: {
        default: "bg-card text-card-foreground",
        destructive: "border-destructive/40 bg-destructive/5 text-destructive [&>[data-slot=alert-description]]:text-destructive/90",
        warning: "border-warning/40 bg-warning/5 text-warning [&>[data-slot=alert-description]]:text-foreground/80",
        success: "border-success/40 bg-success/5 text-success [&>[data-slot=alert-description]]:text-foreground/80",
      },
    },
    defaultVariants: { variant: "default" },
  },
);

type AlertVariant = NonNullable<VariantProps<typeof alertVariants>["variant"]>;

const defaultIcons: Record<AlertVariant, ReactNode> = {
  default: <Info aria-hidden="true" />,
  destructive: <CircleExclamationPoint aria-hidden="true" />,
  warning: <TriangleExclamationPoint aria-hidden="true" />,
  success: <CircleCheck aria-hidden="true" />,
};

type AlertProps = ComponentProps<"div"> &
  VariantProps<typeof alertVariants> & {
    /** Replace the variant's icon, or pass `null` for none. */
    icon?: ReactNode;
  };

/**
 * role="alert" interrupts screen readers, so it is only the default for destructive alerts;
 * informational ones use role="status".
 */
export function Alert({ className, variant, icon, role, children, ...props }: AlertProps) {
  const v = variant ?? "default";
  return (
    <div
      data-slot="alert"
      role={role ?? (v === "destructive" ? "alert" : "status")}
      className={cn(alertVariants({ variant }), className)}
      {...props}
    >
      {icon === undefined ? defaultIcons[v] : icon}
      {children}
    </div>
  );
}

export function AlertTitle({ className, ...props }: ComponentProps<"div">) {
  return (
    <div data-slot="alert-title" className={cn("col-start-2 font-medium leading-tight", className)} {...props} />
  );
}

export function AlertDescription({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      data-slot="alert-description"
      className={cn("col-start-2 text-sm text-muted-foreground [&_p]:leading-relaxed", className)}
      {...props}
    />
  );
}
