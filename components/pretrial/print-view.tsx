"use client";

import { useEffect } from "react";
import { QrSvg } from "./signing-qr";

/** A sheet to print and hand to the customer: big code, masked identity, nothing else. */
export function PrintView({ url, title, help, customer, orderRef }: { url: string; title: string; help: string; customer: string; orderRef: string }) {
  useEffect(() => {
    const timer = setTimeout(() => window.print(), 600);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-4 py-8 text-center print:py-0">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="text-sm">{customer}</p>
      <QrSvg value={url} size={320} />
      <p className="text-sm text-muted-foreground">{help}</p>
      <p className="font-mono text-xs text-muted-foreground">{orderRef}</p>
    </div>
  );
}
