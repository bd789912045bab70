/**
 * Server-side rendering of the first-load pages (issue 14, fast first load). Built by `vite build`
 * into `dist/server/entry-server.mjs` (vite.config.ts); packages/server loads it at run time and
 * calls `render` for a request for a page, then hydrates it in the browser (main.tsx).
 *
 * The page is the same App tree the browser renders, at the request's URL, in the request's view
 * settings (their cookies, settings.ts), from the answers the browser would have asked for: the
 * queries route-preload.ts starts for the route, sent through the server's own API in-process
 * (`api`, with the request's cookies). antd's styles go into the page's head (its CSS-in-JS cache).
 * A page that cannot be rendered as the browser would render it (not a first-load route, nobody
 * signed in on a signed-in screen, an answer that failed) gives null: the browser renders it.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { createCache, extractStyle, StyleProvider } from "@ant-design/cssinjs";
import { dehydrate } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { prerender } from "react-dom/static";
import { matchPath, StaticRouter } from "react-router-dom";
import { API, setTransport } from "./api/client.ts";
import { App, createQueryClient } from "./app.tsx";
import { preloadChunks, preloadQueries } from "./route-preload.ts";
import type { ServerState } from "./server-state.ts";
import { settingsFromCookies } from "./settings.ts";

/** How renderToString marks a Suspense boundary it left to the browser (its content suspended). */
const CLIENT_RENDERED_BOUNDARY = "<!--$!-->";

/** The pages rendered on the server: those a first load starts on most, and the public 表12. */
export const SERVER_RENDERED = ["/login", "/public/:id", "/", "/projects/:id"] as const;
/** Of them, the signed-in screens: without a session they are the browser's (it sends the user to /login). */
const SIGNED_IN = new Set<string>(["/", "/projects/:id"]);

export interface RenderRequest {
  /** The request's path and query. */
  url: string;
  /** The request's cookies (the view settings' among them). */
  cookies: Record<string, string | undefined>;
  /** The server's API, answering a request as the browser's fetch would, with the request's session. */
  api: (url: string, init: RequestInit) => Promise<Response>;
}

export interface RenderResult {
  /** The markup of #root. */
  html: string;
  /** antd's `<style>` elements, for the page's head. */
  styles: string;
  /** For the page's state script (server-state.ts). */
  state: ServerState;
}

interface RequestContext {
  api: RenderRequest["api"];
  csrfToken?: string;
}

// Each render's requests go to its own request's API (concurrent renders never share a session).
const current = new AsyncLocalStorage<RequestContext>();
setTransport(async (url, init) => {
  const context = current.getStore();
  if (!context) throw new Error("server render: a request outside a render");
  const res = await context.api(url, init);
  if (url === `${API}/auth/me` && res.ok) {
    const body = (await res.clone().json()) as { csrfToken?: string };
    context.csrfToken = body.csrfToken;
  }
  return res;
});

/** Renders the page at `url`, or null where the browser should render it. */
export async function render(request: RenderRequest): Promise<RenderResult | null> {
  const location = new URL(request.url, "http://localhost");
  const pattern = SERVER_RENDERED.find((p) => matchPath(p, location.pathname));
  if (!pattern) return null;
  const settings = settingsFromCookies(request.cookies);
  const client = createQueryClient();
  // An answer that failed is the browser's to ask again (and show): no retry here.
  client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retry: false } });
  const context: RequestContext = { api: request.api };
  await current.run(context, () =>
    Promise.all([preloadQueries(client, location.pathname, settings), preloadChunks(location.pathname)]),
  );
  const queries = client.getQueryCache().getAll();
  if (queries.some((q) => q.state.status !== "success")) return null;
  if (SIGNED_IN.has(pattern) && !client.getQueryData(["me"])) return null;

  const cache = createCache();
  const router = (app: ReactNode) => <StaticRouter location={location.pathname + location.search}>{app}</StaticRouter>;
  const page = () => (
    <StyleProvider cache={cache}>
      <App client={client} router={router} settings={settings} />
    </StyleProvider>
  );
  let html = renderToString(page());
  if (html.includes(CLIENT_RENDERED_BOUNDARY)) {
    // A lazy part of the page (React.lazy) not loaded yet in this process: the browser would render
    // its boundary again, with an error in its console. Loaded now (the prerender waits for every
    // one), the page renders whole; a lazy part loads once per process.
    await prerender(page());
    html = renderToString(page());
  }
  const state: ServerState = { queries: dehydrate(client), settings, csrfToken: context.csrfToken };
  client.clear();
  return { html, styles: extractStyle(cache), state };
}
