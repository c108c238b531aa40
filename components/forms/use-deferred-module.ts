"use client";

import { useCallback, useEffect, useRef } from "react";

/**
 * A module loaded right after hydration instead of with the page: form checks built on the
 * server's zod schemas weigh more than the rest of a form page, and nobody types before the
 * page has painted. `get()` is the module once loaded (null before: callers skip the live
 * check, the submit awaits `load()`, and the server checks everything again anyway).
 */
export function useDeferredModule<M>(loader: () => Promise<M>) {
  const state = useRef<{ mod: M | null; promise: Promise<M> | null }>({ mod: null, promise: null });
  const loaderRef = useRef(loader);
  const load = useCallback(() => {
    const s = state.current;
    s.promise ??= loaderRef.current().then((m) => (s.mod = m));
    return s.promise;
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const get = useCallback(() => state.current.mod, []);
  return { get, load };
}
