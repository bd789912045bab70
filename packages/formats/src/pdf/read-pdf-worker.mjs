// Entry of the worker readPdfWithin runs a PDF in (TypeScript through tsx, registered here as the
// worker starts with no inherited flags): reads the bytes, posts progress and the result.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { readPdf } = await import(new URL("./read-pdf.ts", import.meta.url).href);
const result = await readPdf(workerData.bytes, {
  ...workerData.options,
  onProgress: (f) => parentPort.postMessage({ progress: f }),
});
parentPort.postMessage({ result });
