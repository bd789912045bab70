/** The repair log and the review findings of an import preview, what needs a look first on top. */
import { Table } from "antd";
import type { Diagnostic } from "../../api/types.ts";
import { ToneTag } from "../../components/status-tag.tsx";
import { indicatorWords } from "../../words/fields.ts";
import { repairWords } from "../../words/repairs.ts";
import { severityWords } from "../../words/severities.ts";

type Item = Omit<Diagnostic, "projectIndex" | "indicatorIndex"> & {
  projectIndex?: number | null;
  indicatorIndex?: number | null;
};

// Errors, then warnings (re-attached rows, guessed levels), then the routine ones (split words,
// shifted cells, repeated headers, columns read by their name) last; in source order within each.
const rank = { error: 0, warning: 1, info: 2 } as const;
const ROUTINE = /(split-word-joined|cells-shifted|header-repeated|column-mapped|\.layout)$/;

export function DiagList({
  title,
  items,
  lang,
  showAction,
  names,
}: {
  title: string;
  items: Item[];
  lang: "zh" | "en";
  showAction?: boolean;
  names?: string[];
}) {
  const sevColor = { error: "danger", warning: "warning", info: "info" } as const;
  const order = (d: Item) => rank[d.severity] * 2 + (ROUTINE.test(d.code) ? 1 : 0);
  const sorted = [...items].sort((a, b) => order(a) - order(b) || (a.line ?? 0) - (b.line ?? 0));
  return (
    <Table
      size="small"
      bordered
      caption={`${title}（${items.length}）`}
      rowKey={(r) => `${r.code}.${r.line}.${r.cell}.${r.projectIndex}.${r.indicatorIndex}.${r.message}`}
      dataSource={sorted}
      pagination={items.length > 10 ? { pageSize: 10 } : false}
      columns={[
        {
          title: lang === "zh" ? "级别" : "Severity",
          width: 70,
          render: (_, r) => <ToneTag tone={sevColor[r.severity]}>{severityWords(r.severity, lang)}</ToneTag>,
        },
        {
          title: lang === "zh" ? "位置" : "Where",
          width: 180,
          render: (_, r) =>
            [
              r.line ? (lang === "zh" ? `第${r.line}行` : `line ${r.line}`) : "",
              r.cell ?? "",
              r.projectIndex !== undefined && r.projectIndex !== null
                ? (names?.[r.projectIndex] ??
                  (lang === "zh" ? `第${r.projectIndex + 1}个项目` : `project ${r.projectIndex + 1}`))
                : "",
              r.indicatorIndex !== undefined && r.indicatorIndex !== null
                ? indicatorWords(r.indicatorIndex, undefined, lang)
                : "",
            ]
              .filter(Boolean)
              .join(" · "),
        },
        {
          title: lang === "zh" ? "说明" : "Message",
          render: (_, r) => (
            <>
              {lang === "zh" ? r.message : r.messageEn}
              <details className="jx-error-code" style={{ fontSize: 12, color: "#595959" }}>
                <summary>{lang === "zh" ? "代码" : "Code"}</summary>
                <code>{r.code}</code>
              </details>
            </>
          ),
        },
        ...(showAction
          ? [
              {
                title: lang === "zh" ? "处理" : "Action",
                width: 160,
                render: (_: unknown, r: Item) => repairWords(r.code, r.action, lang),
              },
            ]
          : []),
      ]}
    />
  );
}
