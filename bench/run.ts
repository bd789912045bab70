/**
 * `npm run bench`: runs every bench/*.bench.ts in turn (or those whose name contains an
 * argument). Each module exports `default async function (): Promise<void>` that prints
 * its figures and the ratio against a baseline measured in the same run.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const dir = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)))
  .sort();
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as { default: () => Promise<void> };
  await mod.default();
}
