import { hydrate } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { createRoot, hydrateRoot } from "react-dom/client";
import { BrowserRouter, matchPath } from "react-router-dom";
import { setCsrf } from "./api/client.ts";
import { markPreloaded } from "./api/queries.ts";
import { App, createQueryClient } from "./app.tsx";
import { hasLocalDraft } from "./pages/editor/local-draft-key.ts";
import { preloadChunks, preloadRoute } from "./route-preload.ts";
import { readServerState, type ServerState } from "./server-state.ts";
import { mirrorSettingsToCookies, sameSettings, storedSettings } from "./settings.ts";
import "./styles.css";

const client = createQueryClient();
const inBrowser = (app: ReactNode) => <BrowserRouter>{app}</BrowserRouter>;
const root = document.getElementById("root")!;
const pathname = window.location.pathname;
const server = readServerState();
const settings = storedSettings();
// Settings stored before they had cookies: the server's next render starts from them.
mirrorSettingsToCookies();

/** Whether the browser's first render is the page the server rendered (same settings, no local draft on screen). */
function sameFirstRender(state: ServerState): boolean {
  const project = matchPath("/projects/:id", pathname)?.params.id;
  return sameSettings(state.settings, settings) && !(project && hasLocalDraft(project));
}

if (server && root.firstElementChild && sameFirstRender(server)) {
  // The server rendered the page (entry-server.tsx): take over its markup with the answers it was
  // rendered from, once the page's chunks are in (a hydration that suspends shows nothing new).
  hydrate(client, server.queries);
  for (const query of client.getQueryCache().getAll()) markPreloaded(query);
  if (server.csrfToken) setCsrf(server.csrfToken);
  // After the server's markup has been painted, and the frame after it begun: hydrating is one
  // long task that would hold the first paint (and the frame that shows it is done) back.
  const painted = new Promise<void>((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))),
  );
  void Promise.all([preloadChunks(pathname), painted]).then(() =>
    hydrateRoot(root, <App client={client} router={inBrowser} settings={server.settings} />),
  );
} else {
  // The first render waits for the route's chunks, already on their way: rendered before them, it
  // would show a spinner, and React holds a Suspense boundary's content back until 300 ms after its
  // fallback was shown (lib/lazy-component.tsx).
  void preloadRoute(client, pathname).then(() =>
    createRoot(root).render(<App client={client} router={inBrowser} settings={settings} />),
  );
}
