/**
 * Answers a browser's first request for a page with the page already rendered (issue 14, fast
 * first load): index.html with the page's markup inside #root, antd's styles in the head and the
 * state the browser hydrates from (packages/web/src/main.tsx) as an escaped JSON data block.
 * The page's data comes from the server's own API, asked in-process with the request's cookies,
 * so it is exactly what the browser would have been answered, for this request's session only.
 * Bounded: past the time budget, or on any error, the answer is the plain index.html (the browser
 * renders the page as before) — a server render never breaks a page.
 */
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { PageRenderer, RenderedPage } from "./page-renderer.ts";

/** Time for the page's data and its render; past it the browser renders the page itself. */
export const RENDER_BUDGET_MS = 300;

const STATE_ID = "jixiao-state";

/** JSON safe inside a `<script>` element: no `<` (no `</script>`, no `<!--`), no line separators. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** index.html with the rendered page in it; null if the template has no empty #root. */
export function composePage(template: string, page: RenderedPage): string | null {
  const root = /<div id="?root"?><\/div>/.exec(template);
  if (!root) return null;
  const lang = page.state.settings.lang === "en" ? "en" : "zh-CN";
  const state = `<script id="${STATE_ID}" type="application/json">${scriptSafeJson(page.state)}</script>`;
  const body = `${template.slice(0, root.index)}<div id="root">${page.html}</div>${state}${template.slice(root.index + root[0].length)}`;
  return body.replace(/<html lang="[^"]*"/, `<html lang="${lang}"`).replace("</head>", `${page.styles}</head>`);
}

/** Whether the request is a browser's navigation (it wants HTML), not a script's or a crawler's fetch. */
export const wantsHtml = (req: FastifyRequest): boolean =>
  req.method === "GET" && String(req.headers.accept ?? "").includes("text/html");

/** The server's API answering in-process, with the request's cookies, as a fetch Response. */
function inProcessApi(app: FastifyInstance, req: FastifyRequest) {
  return async (url: string, init: RequestInit): Promise<Response> => {
    if (!url.startsWith("/api/")) throw new Error(`server render: not an API request: ${url}`);
    const method = (init.method ?? "GET").toUpperCase();
    if (method !== "GET") throw new Error("server render: only reads");
    const res = await app.inject({
      method: "GET",
      url,
      headers: { accept: "application/json", ...(req.headers.cookie ? { cookie: req.headers.cookie } : {}) },
    });
    const type = res.headers["content-type"];
    return new Response(res.statusCode === 204 ? null : new Uint8Array(res.rawPayload), {
      status: res.statusCode,
      headers: type ? { "content-type": String(type) } : {},
    });
  };
}

function withinBudget<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The page at the request's URL rendered into `template`, or null (no renderer, not a page the
 * bundle renders, over budget, any error): the caller then sends the plain index.html.
 */
export async function serverRenderedPage(
  app: FastifyInstance,
  req: FastifyRequest,
  renderer: Promise<PageRenderer | null>,
  template: string,
  budgetMs = RENDER_BUDGET_MS,
): Promise<string | null> {
  try {
    // Loaded (and warmed up) once as the server starts: a request meanwhile waits for it, outside the budget.
    const r = await renderer;
    if (!r) return null;
    const work = r.render({ url: req.url, cookies: { ...req.cookies }, api: inProcessApi(app, req) });
    work.catch((e: unknown) => req.log.warn({ err: e }, "server render failed; the browser renders the page"));
    const page = await withinBudget(work, budgetMs);
    return page ? composePage(template, page) : null;
  } catch {
    return null;
  }
}

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * Sends a server-rendered page, compressed by the request's Accept-Encoding (a fast brotli: the
 * page is made per request): never stored by a shared cache, revalidated by the browser.
 */
export async function sendRenderedPage(req: FastifyRequest, reply: FastifyReply, html: string): Promise<FastifyReply> {
  reply
    .type("text/html; charset=utf-8")
    .header("cache-control", "private, no-cache")
    .header("vary", "Cookie, Accept-Encoding");
  const accepts = String(req.headers["accept-encoding"] ?? "");
  if (/\bbr\b/.test(accepts)) {
    const body = await brotli(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
    return reply.header("content-encoding", "br").send(body);
  }
  if (/\bgzip\b/.test(accepts)) return reply.header("content-encoding", "gzip").send(await gz(html, { level: 6 }));
  return reply.send(html);
}
