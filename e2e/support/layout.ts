/**
 * Layout checks shared by the browser suites: the three widths of issue 14, waiting until a
 * screen has rendered, horizontal overflow of the document, and what keyboard focus is on.
 */
import type { Page, Request } from "playwright-core";
import { loadScaledDeadline } from "./server.ts";

/** Phone, tablet and desktop (issue 14). */
export const WIDTHS = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1440, height: 900 },
] as const;

interface Requests {
  inflight: Set<Request>;
  started: number;
  onIdle: (() => void)[];
}
const tracked = new WeakMap<Page, Requests>();

/**
 * Follows the page's requests from now on (API calls, lazy chunks, images), so settle() knows
 * when none is in flight. Call it on a new page, before its first navigation.
 */
export function trackRequests(page: Page): Page {
  if (tracked.has(page)) return page;
  const r: Requests = { inflight: new Set(), started: 0, onIdle: [] };
  page.on("request", (q) => {
    r.inflight.add(q);
    r.started++;
  });
  const end = (q: Request) => {
    r.inflight.delete(q);
    if (r.inflight.size === 0) for (const f of r.onIdle.splice(0)) f();
  };
  page.on("requestfinished", end);
  page.on("requestfailed", end);
  tracked.set(page, r);
  return page;
}

/**
 * Whether nothing has been drawing for three animation frames in a row (`token` starts a new
 * count). Drawing: the document still loading, nothing rendered into #root yet, an antd spinner
 * spinning, a web font or an image still loading, an animation or transition that ends still
 * running, or a React render scheduled and not yet
 * committed — a route change runs as a transition, which keeps the previous screen on view until
 * the next one is ready (FiberRoot.pendingLanes, reached from the #root container). Runs in the
 * page: one function with nothing named inside (it is sent as its source).
 */
const quiet = (token: number): boolean => {
  const w = window as unknown as { __jxQuiet?: { token: number; frames: number } };
  if (w.__jxQuiet?.token !== token) w.__jxQuiet = { token, frames: 0 };
  let busy =
    document.readyState !== "complete" ||
    document.fonts.status !== "loaded" ||
    document.querySelector(".ant-spin-spinning") !== null ||
    [...document.images].some((img) => !img.complete) ||
    // A finite animation or transition still running (antd's motions, the sider folding).
    document
      .getAnimations()
      .some((a) => a.playState === "running" && Number.isFinite(Number(a.effect?.getComputedTiming().endTime)));
  const root = document.getElementById("root");
  if (!busy && root) {
    const key = Object.keys(root).find((k) => k.startsWith("__reactContainer$"));
    const fiber = key ? (root as unknown as Record<string, { stateNode?: { pendingLanes?: number } }>)[key] : undefined;
    const lanes = fiber?.stateNode?.pendingLanes;
    if (root.childElementCount > 0 && typeof lanes !== "number")
      throw new Error("settle: React's root is not where it was looked for");
    busy = root.childElementCount === 0 || lanes !== 0;
  }
  w.__jxQuiet.frames = busy ? 0 : w.__jxQuiet.frames + 1;
  return w.__jxQuiet.frames >= 3;
};

/**
 * Waits until the screen has rendered its content: no request in flight, nothing drawing
 * (see quiet()) for three animation frames in a row (painted), and no request started
 * meanwhile. Readiness, not a fixed sleep; the page must be followed by trackRequests().
 */
export async function settle(page: Page): Promise<void> {
  const r = tracked.get(page);
  if (!r) throw new Error("settle: call trackRequests(page) before the page's first navigation");
  const timeout = loadScaledDeadline(30_000);
  const deadline = Date.now() + timeout;
  for (;;) {
    if (r.inflight.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((f) => r.onIdle.push(f)),
        new Promise<void>((f) => {
          timer = setTimeout(f, Math.max(0, deadline - Date.now()));
        }),
      ]);
      clearTimeout(timer);
      if (r.inflight.size > 0)
        throw new Error(
          `settle: requests still in flight after ${Math.round(timeout / 1000)} s: ${[...r.inflight].map((q) => q.url()).join(", ")}`,
        );
    }
    const started = r.started;
    await page.waitForFunction(quiet, Math.random(), { polling: "raf", timeout: Math.max(1, deadline - Date.now()) });
    if (r.inflight.size === 0 && r.started === started) return;
  }
}

/**
 * The document's horizontal overflow in CSS pixels (0 when none): how far its scroll width
 * passes the viewport, with the widest element that reaches past the right edge, to name it.
 */
export async function horizontalOverflow(page: Page): Promise<{ px: number; culprit: string }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const px = root.scrollWidth - root.clientWidth;
    if (px <= 0) return { px: 0, culprit: "" };
    let culprit = "";
    let right = root.clientWidth;
    for (const el of document.body.querySelectorAll<HTMLElement>("*")) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > right + 0.5) {
        // The outermost element that reaches furthest (its parent stays inside).
        const parent = el.parentElement?.getBoundingClientRect();
        if (!parent || parent.right <= root.clientWidth + 0.5) {
          right = r.right;
          culprit = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${[...el.classList].slice(0, 3).join(".")} (right ${Math.round(r.right)} px)`;
        }
      }
    }
    return { px, culprit };
  });
}

/** Describes the focused element: tag, role, accessible-ish name, and which landmark holds it. */
export async function focused(page: Page): Promise<{ text: string; inNav: boolean; inLang: boolean; tag: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { text: "", inNav: false, inLang: false, tag: "" };
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.getAttribute("aria-label") || el.textContent || "").trim().slice(0, 40),
      inNav: Boolean(el.closest('nav[aria-label="主导航"], nav[aria-label="Main navigation"]')),
      inLang: Boolean(el.closest(".ant-segmented")),
    };
  });
}

/**
 * Opens `url` and waits for it (settle). When the page already shows the app at that origin,
 * through the app's router as a link does (history.pushState and a popstate event: no reload, the
 * signed-in frame stays); else by loading it. A fresh load of a screen is still what the first
 * visit of each page makes.
 */
export async function open(page: Page, url: string): Promise<void> {
  const target = new URL(url);
  const inApp =
    page.url().startsWith(`${target.origin}/`) &&
    (await page.evaluate(() => (document.getElementById("root")?.childElementCount ?? 0) > 0));
  if (inApp)
    await page.evaluate((to) => {
      window.history.pushState(null, "", to);
      window.dispatchEvent(new PopStateEvent("popstate", { state: null }));
      window.scrollTo(0, 0);
    }, `${target.pathname}${target.search}`);
  else await page.goto(url);
  await settle(page);
}
