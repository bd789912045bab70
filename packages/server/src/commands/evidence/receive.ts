/**
 * Reading an uploaded evidence file from its stream with a cap: the bytes are kept only up to
 * `cap` (the smaller of the per-file limit and what the project has left); past it the rest is
 * drained and dropped, so memory stays bounded and the request still ends cleanly. A stream the
 * multipart parser cut at its own file-size limit (`truncated`) is over the cap too: never read as
 * if complete; a body that ends before its closing boundary is 400 `validation`.
 */
import type { Readable } from "node:stream";
import { AppError } from "../../errors.ts";

export type Received = { over: false; bytes: Uint8Array } | { over: true; seen: number; truncated: boolean };

export function receiveCapped(stream: Readable & { truncated?: boolean }, cap: number): Promise<Received> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let seen = 0;
    stream.on("data", (c: Buffer) => {
      seen += c.length;
      if (seen <= cap) chunks.push(c);
      else chunks.length = 0; // over: keep nothing, drain the rest
    });
    stream.once("error", (e: Error & { code?: string }) => {
      // The multipart parser signals its own file-size limit as an error on the stream.
      if (e.code === "FST_REQ_FILE_TOO_LARGE") resolve({ over: true, seen, truncated: true });
      // Anything else (a body cut off before its closing boundary, a dropped connection): nothing kept.
      else
        reject(
          new AppError("validation", "上传内容不完整，未保存", "The upload was cut off; nothing was stored", {
            field: "file",
            reason: e.message,
          }),
        );
    });
    stream.once("end", () => {
      if (seen > cap || stream.truncated) resolve({ over: true, seen, truncated: stream.truncated === true });
      else {
        const b = Buffer.concat(chunks, seen);
        resolve({ over: false, bytes: new Uint8Array(b.buffer, b.byteOffset, b.length) });
      }
    });
  });
}
