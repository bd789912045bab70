/**
 * The one place the web app talks HTTP. Every mutating request carries the CSRF token
 * the server handed out at login; every error becomes an ApiError with the server's
 * stable code (`{error: {code, message}}`).
 */

export const API = "/api/v1";

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly body: unknown;
  constructor(status: number, code: string, message: string, body: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

const CSRF_KEY = "jixiao.csrf";

export function setCsrf(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(CSRF_KEY, token);
    else sessionStorage.removeItem(CSRF_KEY);
  } catch {
    // ignore
  }
}

function csrfFromCookie(): string | null {
  const m = /(?:^|;\s*)(?:csrf|jixiao_csrf|csrf_token)=([^;]+)/.exec(document.cookie);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}

export function getCsrf(): string | null {
  try {
    return sessionStorage.getItem(CSRF_KEY) ?? csrfFromCookie();
  } catch {
    return csrfFromCookie();
  }
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

async function parse(res: Response): Promise<unknown> {
  const type = res.headers.get("content-type") ?? "";
  if (res.status === 204) return null;
  if (type.includes("json")) return res.json();
  return res.text();
}

/** How requests go out: the browser's fetch, or (server-side rendering, entry-server.tsx) the server's own API in-process. */
type Transport = (url: string, init: RequestInit) => Promise<Response>;
let transport: Transport = (url, init) => fetch(url, init);

/** Replaces how requests go out (entry-server.tsx only; the browser keeps fetch). */
export function setTransport(next: Transport): void {
  transport = next;
}

/** JSON request to the API; `path` is relative to /api/v1 unless it starts with /api. */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? (opts.body === undefined ? "GET" : "POST");
  const headers: Record<string, string> = { accept: "application/json", ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(opts.body);
  }
  if (method !== "GET" && method !== "HEAD") {
    const csrf = getCsrf();
    if (csrf) headers["x-csrf-token"] = csrf;
  }
  const url = path.startsWith("/api") ? path : `${API}${path}`;
  const res = await transport(url, { method, headers, body, credentials: "same-origin", signal: opts.signal });
  const data = await parse(res);
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? `http.${res.status}`, err?.message ?? res.statusText, data);
  }
  return data as T;
}

/** Builds a query string, dropping empty values. */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") sp.set(k, String(v));
  const s = sp.toString();
  return s ? `?${s}` : "";
}
