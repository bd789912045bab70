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
    // The browser's files only: the server-rendering bundle is read from disk by the server.
    applyToEnvironment: (environment) => environment.name === "client",
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

/** Folder of the server-rendering bundle inside the build's output folder (packages/server reads it there). */
export const SERVER_BUNDLE_DIR = "server";

/**
 * The server-rendering bundle (src/entry-server.tsx) goes to `<outDir>/server/`, beside the
 * browser's files of the same build, whatever `--outDir` the build was given (the e2e suite's keyed
 * builds): the server then finds both in one folder. Everything it imports is bundled into it
 * (`noExternal`), so it runs from any folder, without node_modules.
 */
function serverBundle(): Plugin {
  return {
    name: "jixiao-server-bundle",
    config(config) {
      const outDir = config.build?.outDir ?? "dist";
      return {
        environments: {
          ssr: {
            resolve: { noExternal: true },
            // React's and antd's production code, as in the browser (class names must match).
            define: { "process.env.NODE_ENV": JSON.stringify("production") },
            build: {
              outDir: path.join(outDir, SERVER_BUNDLE_DIR),
              emptyOutDir: false,
              copyPublicDir: false,
              // .mjs: ES modules wherever they are read from (a folder without a package.json "type").
              rollupOptions: {
                input: { "entry-server": "src/entry-server.tsx" },
                output: { entryFileNames: "[name].mjs", chunkFileNames: "chunks/[name]-[hash].mjs" },
              },
            },
          },
        },
      };
    },
  };
}

// The server (packages/server) serves dist/ at "/" and the API at /api/v1.
// `npm run dev -w @jixiao/web` proxies the API to a server on :3000.
// `vite build` builds the browser's files, then the server-rendering bundle (serverBundle above).
export default defineConfig({
  plugins: [react(), routeHints(), precompress(), serverBundle()],
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
  },
  builder: {
    async buildApp(builder) {
      await builder.build(builder.environments.client);
      await builder.build(builder.environments.ssr);
    },
  },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
