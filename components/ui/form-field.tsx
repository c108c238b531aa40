"use client";

import { Slot } from "@radix-ui/react-slot";
import { type ReactElement, type ReactNode, useId } from "react";
import { cn } from "@/lib/utils";
import { Label } from "./label";

/**
 * Anything a field error arrives as: react-hook-form's `FieldError` (or its `.message`), or the
 * `string[]` a server action returns per field.
 */
export type FieldErrorInput = string | readonly string[] | { message?: string } | null | undefined;

/** Props the control needs so assistive tech links it to the label, description and error. */
export type FormControlProps = {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  "aria-required": true | undefined;
};

type FormFieldProps = {
  label: ReactNode;
  /** The field name: picks this field's entry out of `fieldErrors` and seeds the control id. */
  name?: string;
  id?: string;
  description?: ReactNode;
  error?: FieldErrorInput;
  /** Server-returned errors for the whole form, e.g. `result.validationErrors` flattened per field. */
  fieldErrors?: Record<string, readonly string[] | undefined>;
  required?: boolean;
  className?: string;
  /**
   * One element that renders the focusable control (`<Input {...register("x")} />`); it receives
   * the wiring props via Slot. For composite controls whose root renders no element (Radix
   * Select), pass a function and spread the props onto the trigger.
   */
  children: ReactElement | ((control: FormControlProps) => ReactNode);
};

export function normalizeFieldError(error: FieldErrorInput): string[] {
  if (!error) return [];
  if (typeof error === "string") return [error];
  if ("message" in error && !Array.isArray(error)) return error.message ? [error.message] : [];
  return (error as readonly string[]).filter(Boolean);
}

export function FormField({
  label,
  name,
  id,
  description,
  error,
  fieldErrors,
  required,
  className,
  children,
}: FormFieldProps) {
  const generatedId = useId();
  const controlId = id ?? (name ? `${name}-${generatedId}` : generatedId);
  const descriptionId = `${controlId}-description`;
  const errorId = `${controlId}-error`;
  // One message per field: the first problem (a blank field says "required", not also the
  // format rule). Client and server can report the same problem; the client's comes first.
  const messages = [...normalizeFieldError(error), ...normalizeFieldError(name ? fieldErrors?.[name] : undefined)].slice(0, 1);
  const invalid = messages.length > 0;

  const control: FormControlProps = {
    id: controlId,
    "aria-invalid": invalid || undefined,
    "aria-describedby": [description ? descriptionId : null, invalid ? errorId : null].filter(Boolean).join(" ") || undefined,
    "aria-required": required || undefined,
  };

  return (
    <div data-slot="form-field" data-invalid={invalid || undefined} className={cn("grid gap-2", className)}>
      <Label htmlFor={controlId} className={cn(invalid && "text-destructive")}>
        {label}
        {required ? (
          <span aria-hidden="true" className="text-destructive">
            *
          </span>
        ) : null}
      </Label>
      {typeof children === "function" ? children(control) : <Slot {...control}>{children}</Slot>}
      {description ? (
        <p id={descriptionId} data-slot="form-description" className="text-xs text-muted-foreground">
          {description}
        </p>
      ) : null}
      {invalid ? (
        // Not a live region: react-hook-form focuses the first invalid control on submit, and the
        // control's aria-describedby then reads this out without double announcements.
        <div id={errorId} data-slot="form-message" className="grid gap-0.5 text-xs font-medium text-destructive">
          {messages.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
