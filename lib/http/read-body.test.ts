import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { BodyTooLargeError, readBodyLimited, readIncomingBodyLimited } from "./read-body";

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

/** A `node:http` server whose handler reads the body with readIncomingBodyLimited; `result` settles per request. */
async function incomingServer(limit: number) {
  const results: Promise<Buffer>[] = [];
  const server = http.createServer((req, res) => {
    const read = readIncomingBodyLimited(req, limit);
    results.push(read);
    read.then(
      (body) => res.writeHead(200).end(String(body.length)),
      (err: unknown) => res.writeHead(err instanceof BodyTooLargeError ? 413 : 500, { connection: "close" }).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    results,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Sends raw HTTP; resolves with the status line once an answer arrives (or the socket ends). */
function rawRequest(port: number, head: string, chunks: () => Buffer | null, onWritten?: (bytes: number) => void): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let answer = "";
    let written = 0;
    socket.on("data", (d) => (answer += d.toString("latin1")));
    socket.on("close", () => resolve(answer.split("\r\n")[0] ?? ""));
    socket.on("error", () => undefined);
    socket.write(head);
    const pump = () => {
      while (!socket.destroyed && !answer) {
        const chunk = chunks();
        if (!chunk) return;
        written += chunk.length;
        onWritten?.(written);
        if (!socket.write(chunk)) return void socket.once("drain", pump);
      }
    };
    pump();
    socket.on("data", () => socket.end());
  });
}

describe("readIncomingBodyLimited (node:http, no Web streams)", () => {
  it("returns the whole body under the limit", async () => {
    const s = await incomingServer(100);
    try {
      const res = await fetch(`http://127.0.0.1:${s.port}/`, { method: "POST", body: "héllo" });
      expect(await res.text()).toBe("6");
      expect((await s.results[0]!).toString("utf8")).toBe("héllo");
    } finally {
      await s.close();
    }
  });

  it("accepts a body exactly at the limit, sent in several chunks", async () => {
    const s = await incomingServer(1024);
    try {
      const parts = [Buffer.alloc(512, 97), Buffer.alloc(512, 98)];
      let ended = false;
      const status = await rawRequest(s.port, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", () => {
        const p = parts.shift();
        if (p) return Buffer.concat([Buffer.from(`${p.length.toString(16)}\r\n`), p, Buffer.from("\r\n")]);
        if (ended) return null;
        ended = true;
        return Buffer.from("0\r\n\r\n");
      });
      expect(status).toBe("HTTP/1.1 200 OK");
      const body = await s.results[0]!;
      expect(body.length).toBe(1024);
      expect(body.subarray(510, 514).toString()).toBe("aabb");
    } finally {
      await s.close();
    }
  });

  it("refuses a declared Content-Length over the limit before reading a byte", async () => {
    const s = await incomingServer(1000);
    try {
      // Only the head is sent: the refusal cannot have waited for the 5000 bytes announced.
      const status = await rawRequest(s.port, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n", () => null);
      expect(status).toBe("HTTP/1.1 413 Payload Too Large");
      await expect(s.results[0]!).rejects.toBeInstanceOf(BodyTooLargeError);
    } finally {
      await s.close();
    }
  });

  it("cuts a chunked body off as soon as it crosses the limit", async () => {
    const s = await incomingServer(4096);
    try {
      let written = 0;
      const chunk = Buffer.concat([Buffer.from("400\r\n"), Buffer.alloc(1024, 97), Buffer.from("\r\n")]);
      const status = await rawRequest(
        s.port,
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
        () => (written < 8 * 1024 * 1024 ? chunk : null), // 8 MB offered in 1 KB chunks
        (n) => (written = n),
      );
      expect(status).toBe("HTTP/1.1 413 Payload Too Large");
      await expect(s.results[0]!).rejects.toBeInstanceOf(BodyTooLargeError);
      // Refused long before the 8 MB were offered (socket buffers hold some, never all).
      expect(written).toBeLessThan(8 * 1024 * 1024);
    } finally {
      await s.close();
    }
  });

  it("rejects a request aborted before its body is complete", async () => {
    const s = await incomingServer(1000);
    try {
      const socket = net.connect(s.port, "127.0.0.1");
      socket.on("error", () => undefined);
      socket.write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly-part");
      await new Promise((r) => setTimeout(r, 50));
      socket.destroy();
      await expect(s.results[0]!).rejects.toThrow();
    } finally {
      await s.close();
    }
  });
});
