"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";

const keyOf = (pathname: string, search: string) => `${pathname}?${new URLSearchParams(search).toString()}`;

/**
 * A thin bar at the top while a navigation is under way: it starts on a click on an in-app link
 * and disappears once the URL the click left from is no longer the current one. No dependency;
 * a slow page shows life at once.
 */
export function NavigationProgress() {
  const pathname = usePathname();
  const search = useSearchParams();
  // The URL the navigation started from; the bar runs while it is still the current one.
  const [from, setFrom] = useState<string | null>(null);
  const key = keyOf(pathname, search.toString());
  // The URL changed (the navigation landed, or back/forward): forget the start, during render.
  const [seenKey, setSeenKey] = useState(key);
  if (seenKey !== key) {
    setSeenKey(key);
    setFrom(null);
  }

  useEffect(() => {
    function onClick(event: MouseEvent) {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!anchor || anchor.target === "_blank" || anchor.hasAttribute("download")) return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      setFrom(keyOf(window.location.pathname, window.location.search));
    }
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, []);

  if (from === null || from !== key) return null;
  return (
    <div className="pointer-events-none fixed inset-x-0 top-0 z-50 h-0.5" data-testid="nav-progress" aria-hidden>
      <div className="h-full w-full origin-left animate-[nav-progress_8s_cubic-bezier(0.1,0.7,0.2,1)_forwards] bg-primary" />
    </div>
  );
}
