/**
 * The screens a first load starts on most, and the lazy modules each needs for its first paint
 * (paths from packages/web). Read twice, so both agree:
 *  - route-preload.ts loads them as the entry script runs;
 *  - the build (build/route-hints.ts) writes a small script that index.html runs before the
 *    entry, which asks for the same chunks with `<link rel="modulepreload">`: they download and
 *    compile while the shared chunks do, instead of after the entry has run.
 * The first route whose pattern matches (react-router's `matchPath`, `:name` = one segment) wins.
 */
export interface FirstLoadRoute {
  path: string;
  modules: readonly string[];
}

const SHELL = "src/components/shell/shell.tsx";

export const FIRST_LOAD_ROUTES = [
  { path: "/login", modules: ["src/pages/login.tsx"] },
  { path: "/public/:id", modules: ["src/pages/public.tsx"] },
  { path: "/public", modules: ["src/pages/public.tsx", "src/pages/public-list.tsx"] },
  { path: "/projects/:id", modules: [SHELL, "src/pages/editor.tsx"] },
  { path: "/projects", modules: [SHELL, "src/pages/projects.tsx"] },
  { path: "/", modules: [SHELL, "src/pages/dashboard.tsx"] },
  // Every other screen is a signed-in one: its frame.
  { path: "*", modules: [SHELL] },
] as const satisfies readonly FirstLoadRoute[];

/** A module the table names: route-preload.ts must have a loader for each. */
export type FirstLoadModule = (typeof FIRST_LOAD_ROUTES)[number]["modules"][number];
