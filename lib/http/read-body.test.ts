import { describe, expect, it } from "vitest";
import { BodyTooLargeError, readBodyLimited } from "./read-body";

function streamOf(chunks: number[], onPull?: () => void): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      onPull?.();
      if (i < chunks.length) controller.enqueue(new Uint8Array(chunks[i++]).fill(97));
      else controller.close();
    },
  });
}

describe("readBodyLimited", () => {
  it("returns the whole body under the limit", async () => {
    const body = await readBodyLimited(new Request("http://x/", { method: "POST", body: "héllo" }), 100);
    expect(body.toString("utf8")).toBe("héllo");
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    let pulls = 0;
    const req = new Request("http://x/", {
      method: "POST",
      body: streamOf([10], () => pulls++),
      headers: { "content-length": "5000" },
      duplex: "half",
    } as RequestInit);
    await expect(readBodyLimited(req, 1000)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulls).toBeLessThanOrEqual(1);
  });

  it("cuts a chunked body off as soon as it crosses the limit", async () => {
    let pulls = 0;
    const chunks = Array.from({ length: 1000 }, () => 1024); // 1 MB offered in 1 KB chunks
    const req = new Request("http://x/", { method: "POST", body: streamOf(chunks, () => pulls++), duplex: "half" } as RequestInit);
    await expect(readBodyLimited(req, 4096)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulls).toBeLessThan(10);
  });

  it("accepts a body exactly at the limit", async () => {
    const req = new Request("http://x/", { method: "POST", body: streamOf([512, 512]), duplex: "half" } as RequestInit);
    expect((await readBodyLimited(req, 1024)).length).toBe(1024);
  });
});
