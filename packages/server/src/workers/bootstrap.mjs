// Entry of every pool worker. Workers start with no inherited flags (execArgv: []), so the same
// code runs under `npm start` (tsx registered by bin/jixiao.js) and under `node --import tsx`
// (npm test): the worker registers tsx itself, then loads its TypeScript job module.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.module);
