"use client";

import { Upload } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** Posts the PDF to /api/credit-reports (multipart) and opens the report, new or existing. */
export function UploadForm({ pretrialOrderId }: { pretrialOrderId?: string }) {
  const t = useTranslations("creditReports");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/credit-reports", { method: "POST", body: new FormData(e.currentTarget) });
      const body = (await res.json().catch(() => ({}))) as { reportId?: string; message?: string };
      if (!res.ok || !body.reportId) {
        setError(body.message ?? t("uploadFailed"));
        return;
      }
      router.push(`/credit-reports/${body.reportId}`);
    } catch {
      setError(t("uploadFailed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="max-w-xl space-y-4" data-testid="upload-form">
      <p className="text-sm text-muted-foreground">{t("uploadHint")}</p>
      <div className="space-y-1.5">
        <Label htmlFor="file">{t("fileLabel")}</Label>
        <Input id="file" name="file" type="file" accept="application/pdf,.pdf" required />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="pretrialOrderId">{t("orderLabel")}</Label>
        <Input id="pretrialOrderId" name="pretrialOrderId" defaultValue={pretrialOrderId} placeholder={t("orderHint")} />
      </div>
      {error && <p className="text-sm text-destructive" role="alert" data-testid="upload-error">{error}</p>}
      <Button type="submit" disabled={busy} data-testid="upload-submit">
        <Upload className="size-4" aria-hidden />
        {busy ? t("uploading") : t("upload")}
      </Button>
    </form>
  );
}
