/**
 * The worker side of the pool: answers `{id, kind, payload}` messages with the named handler's
 * result (`{id, ok: true, value}`) or its error (`{id, ok: false, error}`). Results that hold
 * Uint8Arrays are transferred, not copied.
 */
import { parentPort } from "node:worker_threads";

export type JobHandlers = Record<string, (payload: never) => Promise<unknown> | unknown>;

export interface JobRequest {
  id: number;
  kind: string;
  payload: unknown;
}

export type JobReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

function transferables(value: unknown, out: ArrayBuffer[] = [], depth = 0): ArrayBuffer[] {
  if (depth > 3 || value === null || typeof value !== "object") return out;
  if (value instanceof Uint8Array) {
    if (value.byteOffset === 0 && value.byteLength === value.buffer.byteLength && value.buffer instanceof ArrayBuffer)
      out.push(value.buffer);
    return out;
  }
  if (!Array.isArray(value)) for (const v of Object.values(value)) transferables(v, out, depth + 1);
  return out;
}

/** Serves jobs on this worker's parent port. */
export function serveJobs(handlers: JobHandlers): void {
  const port = parentPort;
  if (!port) throw new Error("serveJobs runs in a worker thread");
  port.on("message", async (m: JobRequest) => {
    let reply: JobReply;
    try {
      const h = handlers[m.kind];
      if (!h) throw new Error(`unknown job kind ${m.kind}`);
      reply = { id: m.id, ok: true, value: await h(m.payload as never) };
    } catch (e) {
      reply = { id: m.id, ok: false, error: (e as Error)?.message ?? String(e) };
    }
    const buffers = reply.ok ? transferables(reply.value) : [];
    port.postMessage(reply, buffers);
  });
}
