/** A worker for pool.test.ts: jobs that answer, run forever, or eat memory without end. */
import { serveJobs } from "./serve-jobs.ts";

serveJobs({
  echo: (p: { n: number }) => ({ n: p.n, bytes: new Uint8Array([p.n]) }),
  spin: () => {
    for (;;) {
      // never returns: only the pool's time limit ends it
    }
  },
  allocate: () => {
    const keep: number[][] = [];
    for (let i = 0; ; i++) keep.push(new Array(1e6).fill(i + 0.5)); // 8 MB of doubles a step
  },
  fail: () => {
    throw new Error("bad input");
  },
});
