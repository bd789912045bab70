/**
 * The column mapping of an import, editable: each column of the source table with its header as
 * printed, the field it was read as (by its name, by what it holds, or as you set it), and a
 * choice to read it as another field or not at all; then re-read the file with that mapping.
 */
import { Button, Space, Table, Typography } from "antd";
import { useMemo, useState } from "react";
import type { ImportColumn, ImportColumnOverride, ImportReading } from "../../api/types.ts";
import { ToneTag } from "../../components/status-tag.tsx";
import { useLang } from "../../i18n.tsx";
import { colId, mergeOverrides } from "./merge-overrides.ts";

export function ColumnMapping({
  reading,
  busy,
  onReread,
}: {
  reading: ImportReading;
  busy: boolean;
  onReread: (overrides: ImportColumnOverride[]) => void;
}) {
  const { t, lang } = useLang();
  const [chosen, setChosen] = useState<Map<string, string | null>>(new Map());
  const fieldWord = useMemo(
    () => new Map(reading.fields.map((f) => [f.key, lang === "zh" ? f.zh : f.en] as const)),
    [reading.fields, lang],
  );
  const manySheets = new Set(reading.columns.filter((c) => c.blocks === 1).map((c) => c.sheet)).size > 1;
  const changed = reading.columns.filter((c) => chosen.has(colId(c)) && (chosen.get(colId(c)) ?? null) !== c.key);
  const how = (c: ImportColumn) =>
    c.how === "override" ? (
      <ToneTag tone="info">{t("按您的指定", "as you set it")}</ToneTag>
    ) : c.how === "content" ? (
      <ToneTag tone="warning">{t("按内容推断", "inferred from the cells")}</ToneTag>
    ) : c.key ? (
      <ToneTag tone="success">{t("按列名", "by its header")}</ToneTag>
    ) : (
      <ToneTag tone="warning">{t("未识别", "not recognised")}</ToneTag>
    );
  return (
    <Space direction="vertical" style={{ width: "100%" }} size={8}>
      <Table
        size="small"
        bordered
        pagination={false}
        rowKey={(c) => colId(c)}
        dataSource={reading.columns}
        caption={t("列的对应关系（哪一列读作哪个字段）", "Column mapping (which column is read as which field)")}
        columns={[
          {
            title: t("位置", "Where"),
            width: 170,
            render: (_, c) =>
              `${manySheets ? `${c.sheet} · ` : ""}${t(`第 ${c.column + 1} 列`, `column ${c.column + 1}`)}${
                c.blocks > 1 ? t(`（${c.blocks} 个表）`, ` (${c.blocks} tables)`) : ""
              }`,
          },
          { title: t("表头（原文）", "Header as printed"), render: (_, c) => c.header || t("（无表头）", "(none)") },
          {
            title: t("读作", "Read as"),
            width: 220,
            render: (_, c) => {
              const id = colId(c);
              const value = chosen.has(id) ? (chosen.get(id) ?? "") : (c.key ?? "");
              return (
                <select
                  className="jx-native-select"
                  aria-label={t(`「${c.header}」列读作`, `Read column "${c.header}" as`)}
                  data-column={id}
                  value={value}
                  onChange={(e) => {
                    const next = new Map(chosen);
                    next.set(id, e.target.value === "" ? null : e.target.value);
                    setChosen(next);
                  }}
                >
                  <option value="">{t("不读取", "not read")}</option>
                  {reading.fields.map((f) => (
                    <option key={f.key} value={f.key}>
                      {lang === "zh" ? f.zh : `${f.en} (${f.zh})`}
                    </option>
                  ))}
                </select>
              );
            },
          },
          {
            title: t("读取方式", "How"),
            width: 150,
            render: (_, c) => (
              <Space size={4} wrap>
                {how(c)}
                {c.note ? <Typography.Text type="secondary">{noteWord(c.note, t)}</Typography.Text> : null}
              </Space>
            ),
          },
        ]}
      />
      <Space wrap>
        <Button
          type="primary"
          ghost
          disabled={changed.length === 0}
          loading={busy}
          onClick={() => onReread(mergeOverrides(reading.overrides, reading.columns, chosen))}
        >
          {t("按新的对应关系重新读取", "Re-read with this mapping")}
        </Button>
        <Button disabled={chosen.size === 0 || busy} onClick={() => setChosen(new Map())}>
          {t("撤销改动", "Undo changes")}
        </Button>
        {changed.length > 0 ? (
          <Typography.Text>
            {t(
              `已改 ${changed.length} 列：${changed.map((c) => `「${c.header}」→${fieldWord.get(chosen.get(colId(c)) ?? "") ?? "不读取"}`).join("，")}`,
              `${changed.length} column(s) changed: ${changed.map((c) => `"${c.header}" → ${fieldWord.get(chosen.get(colId(c)) ?? "") ?? "not read"}`).join(", ")}`,
            )}
          </Typography.Text>
        ) : null}
      </Space>
    </Space>
  );
}

function noteWord(note: string, t: (zh: string, en: string) => string): string {
  switch (note) {
    case "long-term":
      return t("长期指标列，读年度列", "long-term column; the 年度 one is read");
    case "duplicate":
      return t("与另一列重复", "duplicates another column");
    case "group-label":
      return t("分组标签", "group label");
    case "level-labels":
      return t("只含指标层级标签", "holds only level labels");
    default:
      return note;
  }
}
