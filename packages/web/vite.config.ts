import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { routeHints } from "./src/build/route-hints.ts";

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text files worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;

/**
 * Writes `name.br` (brotli, quality 11) and `name.gz` (gzip -9) beside every emitted text file of
 * 1 KB or more, so that the server (packages/server, @fastify/static `preCompressed`) sends
 * them by Accept-Encoding without compressing per request. Part of the build itself: every
 * `vite build` — `npm run build`, the e2e suite's keyed builds — gets the compressed twins.
 * A twin that is not smaller than the original is not written (the server then sends the file).
 */
export function precompress(minBytes = 1024): Plugin {
  return {
    name: "jixiao-precompress",
    apply: "build",
    async writeBundle(options, bundle) {
      const dir = options.dir ?? path.resolve("dist");
      const names = Object.keys(bundle).filter((n) => COMPRESSIBLE.test(n));
      await Promise.all(
        names.map(async (name) => {
          const file = path.join(dir, name);
          const raw = await readFile(file);
          if (raw.length < minBytes) return;
          const [br, gzipped] = await Promise.all([
            brotli(raw, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: 11,
                [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              },
            }),
            gz(raw, { level: 9 }),
          ]);
          if (br.length < raw.length) await writeFile(`${file}.br`, br);
          if (gzipped.length < raw.length) await writeFile(`${file}.gz`, gzipped);
        }),
      );
    },
  };
}

// The server (packages/server) serves dist/ at "/" and the API at /api/v1.
// `npm run dev -w @jixiao/web` proxies the API to a server on :3000.
export default defineConfig({
  plugins: [react(), routeHints(), precompress()],
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
  },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
