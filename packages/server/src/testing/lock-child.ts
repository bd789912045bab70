/**
 * Child process of security/pglite-lock.test.ts: loads the server, says READY, waits for GO on
 * stdin (so that all children start at the same instant), then starts a server on the data
 * directory given as argv[2]. Prints SERVING <url> and serves until stdin closes, or prints
 * REFUSED <code> and exits with the start error's exit code.
 */
import { createInterface } from "node:readline";
import { StartError } from "../db/connect.ts";
import { startServer } from "../start.ts";

const dir = process.argv[2] as string;
const lines = createInterface({ input: process.stdin });
const closed = new Promise<void>((resolve) => lines.once("close", resolve));
const go = new Promise<void>((resolve) => lines.on("line", (l) => l.trim() === "GO" && resolve()));
process.stdout.write("READY\n");
await go;
try {
  const s = await startServer({
    dataDir: dir,
    port: 0,
    host: "127.0.0.1",
    demo: false,
    adminPassword: "lock-child-password-1",
    webDist: null,
    print: () => {},
  });
  process.stdout.write(`SERVING ${s.url}\n`);
  await closed; // serve until the parent closes stdin
  await s.close();
  process.exit(0);
} catch (e) {
  if (e instanceof StartError) {
    process.stdout.write(`REFUSED ${e.code}\n`);
    process.exit(e.exitCode);
  }
  process.stdout.write(`FAILED ${(e as Error).message}\n`);
  process.exit(1);
}
