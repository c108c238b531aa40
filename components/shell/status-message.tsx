import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** The centred icon, heading and sentence of every whole-page state: no access, not found, not built, failed. */
export function StatusMessage({ icon: Icon, iconClassName, title, body, action, ...rest }: {
  icon: LucideIcon;
  iconClassName?: string;
  title: ReactNode;
  body: ReactNode;
  action?: ReactNode;
  role?: string;
  "data-testid"?: string;
}) {
  return (
    <div className="mx-auto mt-16 max-w-md text-center" {...rest}>
      <Icon className={cn("mx-auto size-10 text-muted-foreground", iconClassName)} aria-hidden />
      <h1 className="mt-4 text-xl font-semibold">{title}</h1>
      <p className="mt-2 text-sm text-muted-foreground">{body}</p>
      {action && <div className="mt-6">{action}</div>}
    </div>
  );
}
