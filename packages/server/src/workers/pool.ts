/**
 * A bounded pool of worker threads for the heavy work (reading uploads, exports): the event loop
 * only moves bytes. Bounds (docs/SECURITY.md): `size` jobs run at once, at most `maxQueued` wait,
 * one user has at most `perUser` running or waiting; each job runs in a worker with V8 heap limits
 * (`resourceLimits`) and a time limit. A job past its time or memory is killed with its worker
 * (a fresh one replaces it) and answered with a coded error; the server keeps serving.
 */
import { type ResourceLimits, SHARE_ENV, Worker } from "node:worker_threads";
import { AppError } from "../errors.ts";
import type { JobReply } from "./serve-jobs.ts";

export interface PoolOptions {
  /** The TypeScript module a worker loads; it calls serveJobs(). */
  module: URL;
  size: number;
  maxQueued: number;
  perUser: number;
  timeoutMs: number;
  resourceLimits: ResourceLimits;
}

/** The documented defaults. */
export const POOL_DEFAULTS: Omit<PoolOptions, "module"> = {
  size: 2,
  maxQueued: 16,
  perUser: 2,
  timeoutMs: 120_000,
  resourceLimits: { maxOldGenerationSizeMb: 768, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 },
};

interface Job {
  id: number;
  user: string;
  kind: string;
  payload: unknown;
  transfer: ArrayBuffer[];
  timeoutMs: number;
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

const BOOTSTRAP = new URL("./bootstrap.mjs", import.meta.url);

export const busy = (retryAfterS: number): AppError =>
  new AppError("server.busy", "服务器正忙，请稍后重试", "The server is busy; try again shortly", {
    retryAfter: retryAfterS,
  });

export class WorkerPool {
  readonly #o: PoolOptions;
  readonly #slots: Slot[] = [];
  readonly #queue: Job[] = [];
  readonly #perUser = new Map<string, number>();
  #nextId = 1;
  #closed = false;

  constructor(options: PoolOptions) {
    this.#o = options;
  }

  /** Jobs running and waiting. */
  get stats(): { running: number; queued: number; workers: number } {
    return {
      running: this.#slots.filter((s) => s.job).length,
      queued: this.#queue.length,
      workers: this.#slots.length,
    };
  }

  /**
   * Runs one job for `user`; refused at once (429/503) when the bounds are full. `timeoutMs`
   * replaces the pool's time limit for this job (a scanned PDF's OCR needs longer).
   */
  run<T>(user: string, kind: string, payload: unknown, transfer: ArrayBuffer[] = [], timeoutMs?: number): Promise<T> {
    if (this.#closed) return Promise.reject(busy(5));
    const mine = this.#perUser.get(user) ?? 0;
    if (mine >= this.#o.perUser)
      return Promise.reject(
        new AppError(
          "job.user-busy",
          `您已有 ${mine} 个文件正在处理，请等待完成后再上传`,
          `You already have ${mine} file(s) being processed; wait for them to finish`,
          { retryAfter: 5 },
        ),
      );
    const idle = this.#slots.some((s) => !s.job) || this.#slots.length < this.#o.size;
    if (!idle && this.#queue.length >= this.#o.maxQueued) return Promise.reject(busy(10));
    this.#perUser.set(user, mine + 1);
    return new Promise<T>((resolve, reject) => {
      const done = (f: (v: never) => void) => (v: unknown) => {
        const n = (this.#perUser.get(user) ?? 1) - 1;
        if (n <= 0) this.#perUser.delete(user);
        else this.#perUser.set(user, n);
        f(v as never);
      };
      this.#queue.push({
        id: this.#nextId++,
        user,
        kind,
        payload,
        transfer,
        timeoutMs: timeoutMs ?? this.#o.timeoutMs,
        resolve: done(resolve as (v: never) => void),
        reject: done(reject as (v: never) => void),
      });
      this.#dispatch();
    });
  }

  #dispatch(): void {
    while (this.#queue.length > 0 && !this.#closed) {
      let slot = this.#slots.find((s) => !s.job);
      if (!slot && this.#slots.length < this.#o.size) slot = this.#spawn();
      if (!slot) return;
      const job = this.#queue.shift() as Job;
      slot.job = job;
      const s = slot;
      s.timer = setTimeout(() => this.#kill(s, timedOut(job.timeoutMs)), job.timeoutMs);
      s.worker.postMessage({ id: job.id, kind: job.kind, payload: job.payload }, job.transfer);
    }
  }

  #spawn(): Slot {
    const worker = new Worker(BOOTSTRAP, {
      execArgv: [],
      env: SHARE_ENV, // the server's environment (e.g. JIXIAO_CHROMIUM) is the workers'
      workerData: { module: this.#o.module.href },
      resourceLimits: this.#o.resourceLimits,
    });
    worker.unref();
    const slot: Slot = { worker, job: null, timer: null };
    worker.on("message", (m: JobReply) => {
      const job = slot.job;
      if (!job || job.id !== m.id) return;
      this.#finish(slot);
      if (m.ok) job.resolve(m.value);
      else job.reject(new AppError("job.failed", "文件处理失败", `Processing failed: ${m.error}`));
      this.#dispatch();
    });
    worker.on("error", (e: Error & { code?: string }) => {
      const oom = e.code === "ERR_WORKER_OUT_OF_MEMORY" || /heap|memory/i.test(e.message);
      this.#kill(
        slot,
        oom ? tooLarge() : new AppError("job.failed", "文件处理失败", `Processing failed: ${e.message}`),
      );
    });
    worker.on("exit", () => this.#kill(slot, tooLarge()));
    this.#slots.push(slot);
    return slot;
  }

  #finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
  }

  /** Ends a slot's worker (if still running), fails its job, and lets a fresh worker take the queue. */
  #kill(slot: Slot, error: AppError): void {
    const i = this.#slots.indexOf(slot);
    if (i < 0) return;
    this.#slots.splice(i, 1);
    const job = slot.job;
    this.#finish(slot);
    void slot.worker.terminate();
    job?.reject(error);
    this.#dispatch();
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const j of this.#queue.splice(0)) j.reject(busy(5));
    await Promise.all(
      this.#slots.splice(0).map((s) => {
        if (s.timer) clearTimeout(s.timer);
        s.job?.reject(busy(5));
        return s.worker.terminate();
      }),
    );
  }
}

const timedOut = (ms: number): AppError =>
  new AppError(
    "job.timeout",
    `文件处理超过 ${Math.round(ms / 1000)} 秒，已停止；请拆分文件后重试`,
    `Processing took longer than ${Math.round(ms / 1000)} s and was stopped; split the file and retry`,
    { limitMs: ms },
  );

const tooLarge = (): AppError =>
  new AppError(
    "job.too-large",
    "文件过大或过于复杂，超出处理内存上限，已停止；请拆分文件后重试",
    "The file is too large or complex for the processing memory limit and was stopped; split it and retry",
  );
