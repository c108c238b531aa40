import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { signFileUrl } from "@/lib/files/signed-url";
import { saveFile } from "@/lib/files/store";
import { PNG_1PX } from "@/lib/files/test-images";
import { setLogSink } from "@/lib/logger";
import { testDb } from "@/lib/test/factories";
import { GET } from "./route";

// The handler is called as Next calls it: a Request and a promise of the path params.
function call(url: string) {
  const id = decodeURIComponent(new URL(url).pathname.split("/").pop() ?? "");
  return GET(new Request(url), { params: Promise.resolve({ id }) });
}

let folder: string;
beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "creditops-files-route-test-"));
  vi.stubEnv("CREDITOPS_DATA_DIR", folder);
  vi.stubEnv("APP_BASE_URL", "https://console.example");
  resetEnvCache();
});
afterAll(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
  fs.rmSync(folder, { recursive: true, force: true });
});

const savePng = () => saveFile(testDb(), { bytes: PNG_1PX, mimeType: "image/png", purpose: "id-card-back" });

describe("GET /api/files/[id]", () => {
  it("answers the decrypted bytes with private, no-sniff, inline headers", async () => {
    const row = await savePng();
    const res = await call(signFileUrl(row.id));
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG_1PX)).toBe(true);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("content-length")).toBe(String(PNG_1PX.length));
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toBe("inline");
  });

  it("401 without exp or sig, with a bad sig, or for another id", async () => {
    const row = await savePng();
    const url = new URL(signFileUrl(row.id));
    for (const drop of ["exp", "sig"]) {
      const without = new URL(url);
      without.searchParams.delete(drop);
      const res = await call(without.toString());
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: "UNAUTHENTICATED", message: expect.any(String) });
    }
    const badSig = new URL(url);
    badSig.searchParams.set("sig", "0".repeat(64));
    expect((await call(badSig.toString())).status).toBe(401);

    const other = await savePng();
    const swapped = new URL(url);
    swapped.pathname = `/api/files/${other.id}`;
    expect((await call(swapped.toString())).status).toBe(401);
  });

  it("410 once the link has expired", async () => {
    const row = await savePng();
    const res = await call(signFileUrl(row.id, { expiresInSeconds: 60, now: new Date(Date.now() - 120_000) }));
    expect(res.status).toBe(410);
    expect(await res.json()).toMatchObject({ error: "INVALID_STATE", message: "linkExpired" });
  });

  it("404 for a correctly signed link to no file", async () => {
    const res = await call(signFileUrl("no-such-file"));
    expect(res.status).toBe(404);
  });

  it("500 with a reference when the file on disk was altered, logging the id and never the content", async () => {
    const row = await savePng();
    const file = path.join(folder, row.storagePath);
    const blob = fs.readFileSync(file);
    blob[blob.length - 1] ^= 0xff;
    fs.writeFileSync(file, blob);

    const lines: string[] = [];
    const previous = setLogSink((line) => lines.push(line));
    try {
      const res = await call(signFileUrl(row.id));
      expect(res.status).toBe(500);
      const body = (await res.json()) as { error: string; reference: string };
      expect(body).toMatchObject({ error: "INTERNAL", reference: expect.stringMatching(/^E-/) });
      expect(lines.join("\n")).toContain(body.reference);
    } finally {
      setLogSink(previous);
    }
    expect(lines.join("\n")).toContain(row.id);
    expect(lines.join("\n")).not.toContain(PNG_1PX.toString("base64"));
  });
});
