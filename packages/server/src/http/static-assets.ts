import path from "node:path";
import type { FastifyStaticOptions } from "@fastify/static";
import { SERVER_BUNDLE_DIR } from "./page-renderer.ts";

/** Cache-Control of a content-hashed file: its name changes whenever its bytes do. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** Cache-Control of everything else (index.html above all): always revalidate (ETag). */
export const REVALIDATE = "no-cache";

/**
 * Options of @fastify/static for the built web app in `dist`:
 *  - `preCompressed`: answers with `file.br` or `file.gz` written at build time beside the file
 *    (packages/web/vite.config.ts `precompress()`), chosen by the request's Accept-Encoding,
 *    with `Vary: Accept-Encoding`; falls back to the plain file;
 *  - files under `dist/assets/` are Vite's content-hashed output (`[name]-[hash].ext`), cached
 *    for a year as immutable; every other file (index.html, the SPA fallback) is `no-cache`.
 *
 * @example
 *   await app.register(fastifyStatic, staticAssetOptions("/srv/jixiao/web"));
 */
export function staticAssetOptions(dist: string): FastifyStaticOptions {
  const assets = path.join(path.resolve(dist), "assets") + path.sep;
  return {
    root: dist,
    prefix: "/",
    wildcard: false,
    // "/" is a page like any other (app.ts): it may be rendered on the server.
    index: false,
    // The server-rendering bundle (http/page-renderer.ts) is the server's, not the browser's.
    allowedPath: (pathName) => !pathName.startsWith(`/${SERVER_BUNDLE_DIR}/`),
    preCompressed: true,
    setHeaders(reply, file) {
      reply.header("cache-control", path.resolve(file).startsWith(assets) ? IMMUTABLE : REVALIDATE);
    },
  };
}
