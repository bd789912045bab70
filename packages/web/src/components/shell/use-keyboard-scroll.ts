/**
 * Tables that scroll inside their frame are reachable by keyboard (WCAG 2.1.1; axe
 * scrollable-region-focusable): an antd table body that overflows gets tabindex=0, so Tab stops
 * on it and the arrow keys scroll it; the mark goes again when it no longer overflows. One
 * place for every page's tables, checked once per frame after the DOM changes or on resize.
 */
import { useEffect } from "react";

const SCROLLERS = ".ant-table-content, .ant-table-body";

export function useKeyboardScrollRegions(): void {
  useEffect(() => {
    let frame = 0;
    const mark = () => {
      frame = 0;
      for (const el of document.querySelectorAll<HTMLElement>(SCROLLERS)) {
        const scrolls = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
        if (scrolls && !el.hasAttribute("tabindex")) {
          el.tabIndex = 0;
          el.dataset.jxScroll = "1";
        } else if (!scrolls && el.dataset.jxScroll) {
          el.removeAttribute("tabindex");
          delete el.dataset.jxScroll;
        }
      }
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(mark);
    };
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true });
    window.addEventListener("resize", schedule);
    schedule();
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", schedule);
      cancelAnimationFrame(frame);
    };
  }, []);
}
