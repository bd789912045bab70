/**
 * A frame that scrolls sideways inside the page (wide tables on phones and tablets) instead of
 * widening the document. Focusable, so a keyboard user can scroll it with the arrow keys.
 */
import type { ReactNode } from "react";

export function ScrollFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <section className="jx-scroll-x" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
