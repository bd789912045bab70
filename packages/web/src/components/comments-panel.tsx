/**
 * Comments on cells, anchored to (stable indicator id, field) and labelled in the table's words
 * (`#8 退休人员体检覆盖率 · 目标值`): threads with replies and 已处理, shown beside the table in the
 * editor and on the review page; `useCellComments` puts them at their cells.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Empty, Input, Select, Space, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { request } from "../api/client.ts";
import type { Project } from "../api/types.ts";
import { formatDateTime } from "../format/dates.ts";
import { useLang } from "../i18n.tsx";
import { fieldName } from "../words/fields.ts";
import { errorText } from "./error-view.tsx";

export interface CommentView {
  id: number;
  versionNo: number;
  cell: string;
  indicatorId: string | null;
  field: string | null;
  label: string;
  orphaned: boolean;
  parentId: number | null;
  body: string;
  author: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export interface CellComment {
  body: string;
  author: string;
  resolved: boolean;
}

export function useComments(projectId: string) {
  return useQuery({
    queryKey: ["comments", projectId],
    queryFn: () => request<{ items: CommentView[] }>(`/projects/${projectId}/comments`),
  });
}

/** Open comment threads at their cells: key `${row index}.${field}` in the table as it is now. */
export function cellComments(items: CommentView[] | undefined, table: Project): Map<string, CellComment[]> {
  const out = new Map<string, CellComment[]>();
  const index = new Map(table.indicators.map((ind, i) => [ind.id, i]));
  for (const c of items ?? []) {
    if (c.parentId !== null || c.indicatorId === null) continue;
    const i = index.get(c.indicatorId);
    if (i === undefined) continue;
    const key = `${i}.${c.field ?? "name"}`;
    const list = out.get(key) ?? [];
    list.push({ body: c.body, author: c.author, resolved: c.resolvedAt !== null });
    out.set(key, list);
  }
  return out;
}

const FIELDS = ["name", "target", "weight", "unit", "operator", "nature", "level2"] as const;

export function CommentsPanel({ projectId, table }: { projectId: string; table: Project }) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const comments = useComments(projectId);
  const [anchor, setAnchor] = useState<string | undefined>();
  const [field, setField] = useState<string>("target");
  const [body, setBody] = useState("");
  const [replyTo, setReplyTo] = useState<number | null>(null);
  const [reply, setReply] = useState("");
  const refresh = () => qc.invalidateQueries({ queryKey: ["comments", projectId] });
  const add = useMutation({
    mutationFn: (v: Record<string, unknown>) => request(`/projects/${projectId}/comments`, { body: v }),
    onSuccess: () => {
      setBody("");
      setReply("");
      setReplyTo(null);
      refresh();
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const resolve = useMutation({
    mutationFn: (v: { id: number; resolved: boolean }) =>
      request(`/comments/${v.id}/resolve`, { body: { resolved: v.resolved } }),
    onSuccess: refresh,
    onError: (e) => message.error(errorText(e, lang)),
  });
  const threads = useMemo(() => {
    const items = comments.data?.items ?? [];
    return items
      .filter((c) => c.parentId === null)
      .map((root) => ({ root, replies: items.filter((c) => c.parentId === root.id) }));
  }, [comments.data]);
  const anchors = [
    { value: "p:budget", label: t("预算数", "Budget") },
    { value: "p:goal", label: t("年度绩效目标", "Annual goal") },
    ...table.indicators
      .filter((ind) => ind.id)
      .map((ind, i) => ({ value: `i:${ind.id}`, label: `#${i + 1} ${ind.name}` })),
  ];
  const isIndicator = anchor?.startsWith("i:");
  const send = () => {
    if (!anchor || !body.trim()) return;
    add.mutate(
      isIndicator
        ? { indicatorId: anchor.slice(2), field, body: body.trim() }
        : { field: anchor.slice(2), body: body.trim() },
    );
  };
  return (
    <Card title={t("批注与意见", "Comments")} size="small" data-testid="comments-panel">
      {threads.length === 0 ? <Empty description={t("暂无批注", "No comments")} /> : null}
      {threads.map(({ root, replies }) => (
        <div
          key={root.id}
          className="jx-comment-thread"
          data-testid={`comment-${root.id}`}
          style={{ borderBottom: "1px solid #f0f0f0", padding: "8px 0" }}
        >
          <Space wrap size={4}>
            <Tag color={root.orphaned ? "default" : "blue"} data-testid="comment-label">
              {root.label}
            </Tag>
            {root.orphaned ? <Tag>{t("指标已删除", "indicator deleted")}</Tag> : null}
            {root.resolvedAt ? <Tag color="green">{t("已处理", "Resolved")}</Tag> : null}
          </Space>
          <div>
            <Typography.Text strong>{root.author}</Typography.Text>：{root.body}{" "}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(root.createdAt)}
            </Typography.Text>
          </div>
          {replies.map((r) => (
            <div key={r.id} style={{ marginInlineStart: 16 }} data-testid="comment-reply">
              ↳ <Typography.Text strong>{r.author}</Typography.Text>：{r.body}
            </div>
          ))}
          <Space size={4} style={{ marginTop: 4 }} wrap>
            {replyTo === root.id ? (
              <>
                <Input
                  size="small"
                  style={{ width: 260 }}
                  aria-label={t("回复", "Reply")}
                  value={reply}
                  onChange={(e) => setReply(e.target.value)}
                  onPressEnter={() => reply.trim() && add.mutate({ parentId: root.id, body: reply.trim() })}
                />
                <Button
                  size="small"
                  type="primary"
                  disabled={!reply.trim()}
                  loading={add.isPending}
                  onClick={() => add.mutate({ parentId: root.id, body: reply.trim() })}
                >
                  {t("发送", "Send")}
                </Button>
              </>
            ) : (
              <Button size="small" type="link" onClick={() => setReplyTo(root.id)}>
                {t("回复", "Reply")}
              </Button>
            )}
            <Button
              size="small"
              type="link"
              onClick={() => resolve.mutate({ id: root.id, resolved: !root.resolvedAt })}
            >
              {root.resolvedAt ? t("重新打开", "Reopen") : t("标为已处理", "Mark resolved")}
            </Button>
          </Space>
        </div>
      ))}
      <Space wrap style={{ marginTop: 12 }}>
        <Select
          aria-label={t("批注位置", "Where")}
          placeholder={t("选择指标或项目字段", "Indicator or field")}
          style={{ width: 240 }}
          showSearch={{ optionFilterProp: "label" }}
          value={anchor}
          onChange={setAnchor}
          options={anchors}
        />
        {isIndicator ? (
          <Select
            aria-label={t("批注字段", "Field")}
            style={{ width: 110 }}
            value={field}
            onChange={setField}
            options={FIELDS.map((f) => ({ value: f, label: fieldName(f, lang) }))}
          />
        ) : null}
        <Input
          aria-label={t("批注内容", "Comment")}
          style={{ width: 260 }}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          maxLength={5000}
        />
        <Button disabled={!anchor || !body.trim()} loading={add.isPending} onClick={send}>
          {t("添加批注", "Add comment")}
        </Button>
      </Space>
    </Card>
  );
}
