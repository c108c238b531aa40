/**
 * A streamed answer (an export) whose audit row is written when the stream ends: `ok` once the
 * last byte has been handed on, `error` ("not completed") when the client goes away or the
 * producer fails half-way. The row is written before the stream is closed, so a client that
 * has the whole file can find it in the audit log. (issue 7 item 4, issue 8 security 9)
 */
export type StreamEnd = { outcome: "ok" | "error"; detail: string; error?: unknown };

export function auditWhenStreamEnds(response: Response, onEnd: (end: StreamEnd) => Promise<void>): Response {
  const source = response.body;
  if (!source) {
    return new Response(
      new ReadableStream({
        async start(controller) {
          await onEnd({ outcome: "ok", detail: "0 bytes" });
          controller.close();
        },
      }),
      response,
    );
  }
  const reader = source.getReader();
  let bytes = 0;
  let ended = false;
  const end = async (e: StreamEnd) => {
    if (ended) return;
    ended = true;
    await onEnd(e);
  };
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        await end({ outcome: "error", detail: `not completed: failed after ${bytes} bytes`, error });
        controller.error(error);
        return;
      }
      if (chunk.done) {
        await end({ outcome: "ok", detail: `${bytes} bytes` });
        controller.close();
        return;
      }
      bytes += chunk.value.byteLength;
      controller.enqueue(chunk.value);
    },
    async cancel(reason) {
      await end({ outcome: "error", detail: `not completed: cancelled by the client after ${bytes} bytes` });
      await reader.cancel(reason).catch(() => undefined);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
