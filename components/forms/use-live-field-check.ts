"use client";

import { useTranslations } from "next-intl";
import { type Dispatch, type FormEvent, type FocusEvent, type SetStateAction, useRef } from "react";
import type { z } from "zod";
import { useDeferredModule } from "./use-deferred-module";

type Shape = Record<string, z.ZodType>;

/**
 * Checks the fields of an uncontrolled form as they are filled in, with the server's own zod
 * object schema: a field is checked when the user leaves it, and again on every change once
 * left. One message per field (the first issue). `focusFirstInvalid` puts the cursor on the
 * first field marked invalid, after a refused submit. The schema comes from `loadShape`, right
 * after hydration rather than with the page (zod weighs more than the rest of a form page).
 */
export function useLiveFieldCheck(loadShape: () => Promise<Shape>, setFieldErrors: Dispatch<SetStateAction<Record<string, string[]>>>) {
  const tv = useTranslations("validation");
  const shapes = useDeferredModule(loadShape);
  const touched = useRef(new Set<string>());
  const formRef = useRef<HTMLFormElement>(null);

  function check(input: HTMLInputElement | HTMLSelectElement) {
    const schema = shapes.get()?.[input.name];
    if (!schema || input.type === "file") return;
    const result = schema.safeParse(input.value);
    const key = result.success ? null : (result.error.issues[0]?.message ?? "custom");
    setFieldErrors((prev) => {
      const next = { ...prev };
      if (key) next[input.name] = [tv.has(key) ? tv(key) : key];
      else delete next[input.name];
      return next;
    });
  }

  return {
    formRef,
    onBlur(e: FocusEvent<HTMLFormElement>) {
      const input = e.target as unknown as HTMLInputElement;
      const shape = shapes.get();
      if (!input.name || !shape || !(input.name in shape)) return;
      // Leaving for the submit button: the submit checks everything, and a message appearing
      // now would move the button from under the pointer before the click lands.
      if ((e.relatedTarget as HTMLElement | null)?.getAttribute("type") === "submit") return;
      touched.current.add(input.name);
      check(input);
    },
    onChange(e: FormEvent<HTMLFormElement>) {
      const input = e.target as unknown as HTMLInputElement;
      if (input.type === "file") {
        // A chosen file clears the "missing" message; the server checks its content.
        setFieldErrors((prev) => {
          const next = { ...prev };
          delete next[input.name];
          return next;
        });
        return;
      }
      if (touched.current.has(input.name)) check(input);
    },
    focusFirstInvalid() {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    },
  };
}
