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
    for (;;) keep.push(Array.from({ length: 1e5 }, (_, i) => i * 1.5));
  },
  fail: () => {
    throw new Error("bad input");
  },
});
