/**
 * Keyset cursors as they travel in the URL (`?cursor=n.<base64url>`): which way to read, the
 * sort key in PostgreSQL's text form and the row id. Opaque to users; a hand-edited or stale
 * cursor that does not decode is ignored (first page), never an error.
 * Shared by server and client, so no "server-only".
 */
export type CursorDir = "next" | "prev";
export type Cursor = { dir: CursorDir; key: string; id: string };

/** Counts stop here; beyond it the table shows "1,000+". */
export const COUNT_CAP = 1000;
export type CappedCount = { value: number; capped: boolean };

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(value: string): string {
  const binary = atob(value.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function encodeCursor(dir: CursorDir, key: string, id: string): string {
  return `${dir === "next" ? "n" : "p"}.${toBase64Url(JSON.stringify([key, id]))}`;
}

export function decodeCursor(value: string | null | undefined): Cursor | null {
  if (!value || value.length > 512) return null;
  const match = /^([np])\.([A-Za-z0-9_-]+)$/.exec(value);
  if (!match) return null;
  try {
    const parsed = JSON.parse(fromBase64Url(match[2])) as unknown;
    if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== "string" || typeof parsed[1] !== "string") return null;
    return { dir: match[1] === "n" ? "next" : "prev", key: parsed[0], id: parsed[1] };
  } catch {
    return null;
  }
}
