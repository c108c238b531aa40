"use client";

import type { ReactElement } from "react";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";

/** The failure reason beside a decision badge (loaded lazily by decision-badge.tsx). */
export function ReasonTooltip({ reason, children }: { reason: string; children: ReactElement }) {
  return (
    <Tooltip>
      {/* tabIndex: the reason must be reachable from the keyboard, not only on hover. */}
      <TooltipTrigger asChild tabIndex={0}>
        {children}
      </TooltipTrigger>
      <TooltipContent className="break-words">{reason}</TooltipContent>
    </Tooltip>
  );
}
