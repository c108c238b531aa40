"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ActionServerError } from "@/lib/safe-action";

/** A labelled text field for the operation forms (native input; the action validates). */
export function OpField({ name, label, defaultValue, testId }: { name: string; label: string; defaultValue?: string; testId?: string }) {
  return (
    <label className="flex min-w-0 flex-col gap-1 text-sm">
      <span className="text-muted-foreground">{label}</span>
      <Input name={name} defaultValue={defaultValue} autoComplete="off" data-testid={testId ?? `op-${name}`} />
    </label>
  );
}

/** The shell of one operation: fields, a submit button, the outcome or the translated error. */
export function OpForm(props: { title: string; submit: string; pending: boolean; onSubmit: (data: Record<string, string>) => void; children: ReactNode; result?: ReactNode; error?: unknown; testId: string }) {
  const error = (props.error as ActionServerError | undefined)?.message;
  return (
    <form
      className="space-y-2 rounded-md border p-3"
      data-testid={props.testId}
      onSubmit={(e) => {
        e.preventDefault();
        const data = Object.fromEntries([...new FormData(e.currentTarget).entries()].map(([k, v]) => [k, String(v)]));
        props.onSubmit(data);
      }}
    >
      <div className="font-medium">{props.title}</div>
      <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">{props.children}</div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" size="sm" disabled={props.pending}>
          {props.submit}
        </Button>
        <div aria-live="polite" className="text-sm">
          {props.result}
          {error && <span className="text-destructive">{error}</span>}
        </div>
      </div>
    </form>
  );
}
