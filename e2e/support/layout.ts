/**
 * Layout checks shared by the browser suites: the three widths of issue 14, waiting until a
 * screen has rendered, horizontal overflow of the document, and what keyboard focus is on.
 */
import type { Page } from "playwright-core";
import { loadScaledDeadline } from "./server.ts";

/** Phone, tablet and desktop (issue 14). */
export const WIDTHS = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1440, height: 900 },
] as const;

/**
 * Waits until the screen has rendered its content: no request in flight, no spinning antd
 * spinner, then two animation frames (painted). Readiness, not a fixed sleep.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => !document.querySelector(".ant-spin-spinning"), null, {
    timeout: loadScaledDeadline(15_000),
  });
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
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
