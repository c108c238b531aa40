"use client";

import { ImageIcon } from "lucide-react";
import { useEffect, useState } from "react";

/** A file input with a preview; the server checks the bytes, this only helps the officer see what they chose. */
export function PhotoInput({ name, id, onChange, ...aria }: { name: string; id?: string; onChange?: () => void; "aria-invalid"?: true; "aria-describedby"?: string }) {
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => () => { if (preview) URL.revokeObjectURL(preview); }, [preview]);
  return (
    <div className="flex min-w-0 items-center gap-3">
      <div className="flex size-20 shrink-0 items-center justify-center overflow-hidden rounded-md border bg-muted">
        {/* eslint-disable-next-line @next/next/no-img-element -- a local object URL, not an optimisable asset */}
        {preview ? <img src={preview} alt="" className="size-full object-cover" /> : <ImageIcon className="size-6 text-muted-foreground" aria-hidden />}
      </div>
      <input
        id={id}
        name={name}
        type="file"
        accept="image/jpeg,image/png"
        className="min-w-0 flex-1 text-sm file:mr-3 file:rounded-md file:border file:bg-secondary file:px-3 file:py-1.5 file:text-sm"
        onChange={(e) => {
          const file = e.target.files?.[0];
          setPreview(file ? URL.createObjectURL(file) : null);
          onChange?.();
        }}
        {...aria}
      />
    </div>
  );
}
