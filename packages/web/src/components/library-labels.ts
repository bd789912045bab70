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

/** The labels antd hardcodes, as the DOM attribute selector that finds them. */
const SELECTOR = [
  '[aria-label="Increase Value"]',
  '[aria-label="Decrease Value"]',
  '[aria-label="Select all"]',
  '[aria-label="Custom selection"]',
  '[aria-label^="Select row "]',
  '[aria-label^="Row "]',
].join(",");

function relabelIn(root: ParentNode, relabel: Relabel, lang: Lang): void {
  for (const el of root.querySelectorAll<HTMLElement>(SELECTOR)) {
    const mine = relabel(el.getAttribute("aria-label") ?? "");
    // In English only the step buttons change (their "Value" reads oddly); the rest is already English.
    if (mine !== null && (lang === "zh" || el.getAttribute("role") === "button")) el.setAttribute("aria-label", mine);
  }
}

/** Relabels antd's hardcoded English labels in the UI's language for as long as the app runs. */
export function useLibraryLabels(lang: Lang): void {
  useEffect(() => {
    const relabel = libraryLabel(lang);
    relabelIn(document.body, relabel, lang);
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        const target = r.type === "attributes" ? r.target.parentNode : r.target;
        if (target) relabelIn(target as ParentNode, relabel, lang);
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
