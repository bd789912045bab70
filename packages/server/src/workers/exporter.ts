/**
 * Exports for the HTTP layer: written in the worker pool (off the event loop), cached per key
 * (a publication is immutable, so its bytes are made once per format), and PDF prints — each a
 * whole chromium — run one at a time behind a bounded queue: when `pdfQueue` prints already
 * wait, the next is answered 503 `server.busy` with Retry-After instead of waiting without end.
 */
import type { Diagnostic, TargetDocument } from "@jixiao/core";
import type { OutputFormat } from "@jixiao/formats/export/write-document.ts";
import { Mutex } from "../db/mutex.ts";
import type { WriteJob } from "./format-jobs.ts";
import { busy, type WorkerPool } from "./pool.ts";

export interface ExporterOptions {
  /** PDF prints that may wait while one runs. */
  pdfQueue: number;
  /** Bytes of cached exports kept (least recently used go first). */
  cacheBytes: number;
}

export const EXPORTER_DEFAULTS: ExporterOptions = { pdfQueue: 4, cacheBytes: 64 * 1024 * 1024 };

export interface Written {
  value: Uint8Array | null;
  diagnostics: Diagnostic[];
}

export class Exporter {
  readonly #pool: WorkerPool;
  readonly #o: ExporterOptions;
  readonly #print = new Mutex();
  #pdfInSystem = 0;
  readonly #cache = new Map<string, Uint8Array>();
  #cached = 0;
  /** Prints in progress per key, so that a burst for one publication prints it once. */
  readonly #inflight = new Map<string, Promise<Written>>();

  constructor(pool: WorkerPool, options: Partial<ExporterOptions> = {}) {
    this.#pool = pool;
    this.#o = { ...EXPORTER_DEFAULTS, ...options };
  }

  /**
   * Writes `doc` in `format` for `who` (a user or client key for the pool's per-user bound).
   * With `cacheKey`, identical later requests are answered from memory. `table` picks what is
   * printed (the 表12 by default, or the 自评表).
   */
  async write(
    who: string,
    doc: TargetDocument,
    format: OutputFormat,
    cacheKey?: string,
    table: WriteJob["table"] = "table12",
  ): Promise<Written> {
    const key = cacheKey ? `${cacheKey}:${table}:${format}` : null;
    if (key) {
      const hit = this.#cache.get(key);
      if (hit) {
        this.#cache.delete(key);
        this.#cache.set(key, hit); // most recently used
        return { value: hit, diagnostics: [] };
      }
      const running = this.#inflight.get(key);
      if (running) return running;
    }
    const job: WriteJob = { document: doc, format, table };
    const run = this.render(who, "write", job, format === "pdf");
    if (key) this.#inflight.set(key, run);
    try {
      const w = await run;
      if (key && w.value) this.#remember(key, w.value);
      return w;
    } finally {
      if (key) this.#inflight.delete(key);
    }
  }

  /**
   * Runs one export job of the workers (`kind` names its handler: format-worker.ts) in the pool;
   * a PDF print (`pdf`) waits its turn behind the bounded print queue.
   */
  render(who: string, kind: string, job: unknown, pdf: boolean): Promise<Written> {
    return pdf ? this.#printOne(who, kind, job) : this.#pool.run<Written>(who, kind, job);
  }

  async #printOne(who: string, kind: string, job: unknown): Promise<Written> {
    // One printing plus at most `pdfQueue` waiting.
    if (this.#pdfInSystem >= 1 + this.#o.pdfQueue) throw busy(30);
    this.#pdfInSystem++;
    const release = await this.#print.lock();
    try {
      return await this.#pool.run<Written>(who, kind, job);
    } finally {
      release();
      this.#pdfInSystem--;
    }
  }

  #remember(key: string, bytes: Uint8Array): void {
    if (bytes.length > this.#o.cacheBytes / 4) return;
    this.#cache.set(key, bytes);
    this.#cached += bytes.length;
    for (const [k, v] of this.#cache) {
      if (this.#cached <= this.#o.cacheBytes) break;
      this.#cache.delete(k);
      this.#cached -= v.length;
    }
  }
}
