"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import type * as OpSchemas from "@/lib/custody/op-schemas";
import type { Action } from "./custody-form-body";

export type FieldSpec = { name: string; label: string; options?: { value: string; label: string }[]; defaultValue?: string; inputMode?: "decimal" | "numeric" | "tel" };

/** A form schema of lib/custody/op-schemas.ts, by name: the schemas load with the form, not the page. */
export type OpSchemaName = { [K in keyof typeof OpSchemas]: K extends `Z${string}Form` ? K : never }[keyof typeof OpSchemas];

export type CustodyFormProps = { testId: string; title: string; description?: ReactNode; submit: string; schema: OpSchemaName; fields: FieldSpec[]; fixed?: Record<string, string>; action: Action };

/**
 * The open form carries zod, react-hook-form and every operation's schema — more than the rest
 * of an account or project page together — and stays closed until finance picks an operation,
 * so it is loaded then (first-load JS ≤ 200 kB, issue 7), or as soon as the pointer comes near.
 */
const loadBody = () => import("./custody-form-body");
const CustodyFormBody = dynamic(loadBody, { loading: () => <LoadingBody /> });

function LoadingBody() {
  const t = useTranslations("custody.ops");
  return <p className="border-t p-3 text-sm text-muted-foreground">{t("formLoading")}</p>;
}

/** A custody operation's title that unfolds into its form; `preload` fetches the form's code early. */
export function OperationDisclosure({ testId, title, preload, children }: { testId: string; title: string; preload: () => unknown; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="min-w-0 rounded-md border" data-testid={testId}>
      <button
        type="button"
        className="flex w-full items-center justify-between gap-2 p-3 text-left font-medium"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        onPointerEnter={() => void preload()}
        onFocus={() => void preload()}
        data-testid={`${testId}-toggle`}
      >
        <span className="min-w-0">{title}</span>
        <span aria-hidden className="text-muted-foreground">{open ? "−" : "+"}</span>
      </button>
      {open && children}
    </div>
  );
}

/** One custody operation whose form is described by fields and a schema name. */
export function CustodyForm(props: CustodyFormProps) {
  return (
    <OperationDisclosure testId={props.testId} title={props.title} preload={loadBody}>
      <CustodyFormBody {...props} />
    </OperationDisclosure>
  );
}

const loadTransfer = () => import("./debt-transfer-form-body");
const DebtTransferFormBody = dynamic(loadTransfer, { loading: () => <LoadingBody /> });

/** §2.18 with one or several sellers: a form of its own (a line per seller). */
export function DebtTransferForm({ projectNo }: { projectNo: string }) {
  const t = useTranslations("custody.ops");
  return (
    <OperationDisclosure testId="op-debt-transfer" title={t("debtTransfer")} preload={loadTransfer}>
      <DebtTransferFormBody projectNo={projectNo} />
    </OperationDisclosure>
  );
}
