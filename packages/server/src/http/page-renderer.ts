/**
 * Server-side rendering of the web app's first-load pages (issue 14): the contract between the
 * server and the web build's rendering bundle, and loading that bundle. The server does not import
 * the web app's source (imports go core ← formats ← server ← web): `vite build` writes the bundle
 * to `<webDist>/server/entry-server.mjs` (packages/web/src/entry-server.tsx), and the server imports
 * it at run time from the web folder it serves. No bundle, or one that fails to load: no renderer,
 * and every page is the plain index.html the browser renders.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** Folder of the rendering bundle inside the web build (packages/web/vite.config.ts SERVER_BUNDLE_DIR). */
export const SERVER_BUNDLE_DIR = "server";

export interface PageRequest {
  /** The request's path and query. */
  url: string;
  cookies: Record<string, string | undefined>;
  /** The server's own API, answering as the browser's fetch would, with the request's session. */
  api: (url: string, init: RequestInit) => Promise<Response>;
}

/** A page rendered on the server: what index.html gets. */
export interface RenderedPage {
  /** The markup inside #root. */
  html: string;
  /** `<style>` elements for the head (antd's CSS-in-JS). */
  styles: string;
  /** The state the browser hydrates from; serialised into the page as escaped JSON. */
  state: { settings: { lang: string } } & Record<string, unknown>;
}

export interface PageRenderer {
  /** The page at `request.url`, or null where the browser renders it itself. */
  render(request: PageRequest): Promise<RenderedPage | null>;
}

/** The rendering bundle of the web build in `webDist`, or null (none built, or it fails to load). */
export async function loadPageRenderer(webDist: string): Promise<PageRenderer | null> {
  const file = path.join(webDist, SERVER_BUNDLE_DIR, "entry-server.mjs");
  if (!existsSync(file)) return null;
  try {
    const bundle = (await import(pathToFileURL(file).href)) as Partial<PageRenderer>;
    if (typeof bundle.render !== "function") return null;
    // A first render compiles most of React's and antd's code: done now, not in a user's request.
    await bundle.render({ url: "/login", cookies: {}, api: async () => new Response(null, { status: 401 }) });
    return { render: bundle.render };
  } catch {
    return null;
  }
}
