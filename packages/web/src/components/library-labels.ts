/**
 * antd writes a few labels in English whatever its locale, with no prop to change them:
 * InputNumber's step buttons ("Increase Value" / "Decrease Value", @rc-component/input-number)
 * and the table's selection checkboxes ("Select all", "Custom selection", "Select row 3",
 * "Row 3 selected", antd/es/table/hooks/useSelection). A screen reader in the Chinese UI would
 * read them in English, so while the app runs they are relabelled in the UI's language as antd
 * renders them (one observer on the document; only these exact labels are touched, so our own
 * aria-label props always win).
 */
import { useEffect } from "react";
import type { Lang } from "../i18n.tsx";

type Relabel = (label: string) => string | null;

/** antd's English label → ours, in a language; null for any other label. */
export function libraryLabel(lang: Lang): Relabel {
  const zh = lang === "zh";
  return (label) => {
    if (label === "Increase Value") return zh ? "增加" : "Increase";
    if (label === "Decrease Value") return zh ? "减少" : "Decrease";
    if (label === "Select all") return zh ? "全选本页" : "Select all on this page";
    if (label === "Custom selection") return zh ? "选择" : "Selection";
    const row = /^Select row (\d+)$/.exec(label);
    if (row) return zh ? `选择第${row[1]}行` : `Select row ${row[1]}`;
    const picked = /^Row (\d+) selected$/.exec(label);
    if (picked) return zh ? `第${picked[1]}行已选` : `Row ${picked[1]} selected`;
    return null;
  };
}

/** Where antd's own label is kept once relabelled, so a language switch relabels it again. */
const ORIGINAL = "data-library-label";

/** The labels antd hardcodes (and those already relabelled), as the DOM selector that finds them. */
const SELECTOR = [
  '[aria-label="Increase Value"]',
  '[aria-label="Decrease Value"]',
  '[aria-label="Select all"]',
  '[aria-label="Custom selection"]',
  '[aria-label^="Select row "]',
  '[aria-label^="Row "]',
  `[${ORIGINAL}]`,
].join(",");

function relabelOne(el: Element, relabel: Relabel): void {
  const current = el.getAttribute("aria-label") ?? "";
  // antd set (or set again) one of its labels: keep it as the original; else use the kept one.
  if (relabel(current) !== null) el.setAttribute(ORIGINAL, current);
  const original = el.getAttribute(ORIGINAL);
  if (original === null) return;
  const mine = relabel(original);
  if (mine !== null && mine !== current) el.setAttribute("aria-label", mine);
}

/** The node, if an element, and the elements under it. */
function relabelTree(node: Node, relabel: Relabel): void {
  if (!(node instanceof Element)) return;
  if (node.matches(SELECTOR)) relabelOne(node, relabel);
  for (const el of node.querySelectorAll(SELECTOR)) relabelOne(el, relabel);
}

/** Relabels antd's hardcoded English labels in the UI's language for as long as the app runs. */
export function useLibraryLabels(lang: Lang): void {
  useEffect(() => {
    const relabel = libraryLabel(lang);
    relabelTree(document.body, relabel);
    // Only what changed: the element whose label was set, the subtrees added (not the whole
    // parent of each change: a first render of the editor makes hundreds of changes).
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === "attributes") {
          if (r.target instanceof Element && r.target.matches(SELECTOR)) relabelOne(r.target, relabel);
        } else for (const n of r.addedNodes) relabelTree(n, relabel);
      }
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["aria-label"],
    });
    return () => observer.disconnect();
  }, [lang]);
}
