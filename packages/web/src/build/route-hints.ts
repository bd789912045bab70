// Build time only: vite.config.ts runs it; nothing in the app imports it.
import path from "node:path";
import type { Plugin, Rollup } from "vite";
import { FIRST_LOAD_ROUTES } from "../first-load-routes.ts";

/**
 * Route hints (issue 14, first load): a small classic script, `assets/route-hints-<hash>.js`, that
 * index.html runs before the entry module. It reads the address bar and adds a
 * `<link rel="modulepreload">` for each chunk that route's first paint needs beyond the entry's own
 * (first-load-routes.ts: the page's chunk, the signed-in frame's, and their imports), so they
 * download and compile while the entry's chunks do. Without it they are asked for only once the
 * entry has run (route-preload.ts), one round trip and a compile later. An external script
 * because the server's CSP forbids inline ones; where the script is missing or fails, the entry
 * still loads every chunk itself.
 */
export function routeHints(): Plugin {
  let root = process.cwd();
  return {
    name: "jixiao-route-hints",
    apply: "build",
    applyToEnvironment: (environment) => environment.name === "client",
    enforce: "post",
    configResolved(config) {
      root = config.root;
    },
    generateBundle(_options, bundle) {
      const html = bundle["index.html"];
      if (html?.type !== "asset") throw new Error("route hints: the build has no index.html");
      const table = hintTable(bundle, root);
      const fileName = this.getFileName(
        this.emitFile({ type: "asset", name: "route-hints.js", source: hintScript(table) }),
      );
      // Before the entry module, deferred: it runs before the entry (deferred scripts and modules
      // run in document order) without holding the parser back — a page the server rendered
      // (packages/server http/server-rendered-page.ts) is painted before it arrives.
      html.source = String(html.source).replace(
        /(\s*)<script type="module"/,
        `$1<script defer src="/${fileName}"></script>$1<script type="module"`,
      );
    },
  };
}

/** [pattern as a RegExp source, files to preload] for each route of the table, in its order. */
export function hintTable(bundle: Rollup.OutputBundle, root: string): [string, string[]][] {
  const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === "chunk");
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const byModule = new Map(
    chunks.flatMap((c) => (c.facadeModuleId ? [[path.relative(root, c.facadeModuleId), c] as const] : [])),
  );
  // What index.html loads already: the entry and its static imports.
  const entry = chunks.find((c) => c.isEntry);
  if (!entry) throw new Error("route hints: the build has no entry chunk");
  const loaded = closure([entry.fileName], byFile);
  return FIRST_LOAD_ROUTES.map((route) => {
    const files = route.modules.map((m) => {
      const chunk = byModule.get(m);
      if (!chunk) throw new Error(`route hints: no chunk for ${m} (src/first-load-routes.ts)`);
      return chunk.fileName;
    });
    return [patternSource(route.path), [...closure(files, byFile)].filter((f) => !loaded.has(f))];
  });
}

/** The files and every chunk they import statically, transitively. */
function closure(files: string[], byFile: Map<string, Rollup.OutputChunk>): Set<string> {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const i of byFile.get(f)?.imports ?? []) visit(i);
  };
  files.forEach(visit);
  return seen;
}

/** react-router's `matchPath` pattern as a RegExp source: `:name` one segment, `*` the rest, optional trailing slash. */
export function patternSource(pattern: string): string {
  if (pattern === "*") return "";
  const body = pattern
    .split("/")
    .map((seg) => (seg.startsWith(":") ? "[^/]+" : seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return body === "/" ? "^/$" : `^${body}/?$`;
}

/** The script: the first matching route's files as modulepreload links (as Vite's own: crossorigin). */
function hintScript(table: [string, string[]][]): string {
  return `(function(){var t=${JSON.stringify(table)},p=location.pathname;for(var i=0;i<t.length;i++)if(new RegExp(t[i][0]).test(p)){t[i][1].forEach(function(f){var l=document.createElement("link");l.rel="modulepreload";l.crossOrigin="";l.href="/"+f;document.head.appendChild(l)});return}})();\n`;
}
