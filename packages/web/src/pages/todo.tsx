/** 待办: my to-do list (by role) with counts, and the notices sent to me on submit / return / approve. */
import { useQuery } from "@tanstack/react-query";
import { Badge, Card, Col, Empty, List, Row, Spin, Typography } from "antd";
import { Link } from "react-router-dom";
import { qs, request } from "../api/client.ts";
import { ErrorView } from "../components/error-view.tsx";
import { StatusTag } from "../components/status-tag.tsx";
import { type Notice, type TodoItem, useTodo } from "../components/todo-count.ts";
import { formatDateTime } from "../format/dates.ts";
import { useLang } from "../i18n.tsx";
import { useSession } from "../session.tsx";

export default function TodoPage() {
  const { t } = useLang();
  const { fiscalYear } = useSession();
  const todo = useTodo();
  const notices = useQuery({
    queryKey: ["notices", fiscalYear],
    queryFn: () => request<{ items: Notice[] }>(`/notices${qs({ fiscalYear })}`),
  });
  if (todo.isLoading) return <Spin style={{ margin: 48 }} />;
  if (todo.error || !todo.data)
    return (
      <div className="jx-page">
        <ErrorView error={todo.error} />
      </div>
    );
  // Issue 17's lists (self-evaluations to review / to spot-check, open 整改 tasks), when the server sends them.
  const d = todo.data as typeof todo.data & Partial<Record<"selfEvaluationsToReview" | "spotChecks", TodoItem[]>>;
  const rect = (todo.data as { rectifications?: { id: number; projectId: number; name: string; deadline: string }[] })
    .rectifications;
  const section = (key: string, title: string, items: TodoItem[], to: (i: TodoItem) => string) =>
    items.length ? (
      <Col xs={24} lg={12} key={key}>
        <Card
          size="small"
          data-testid={`todo-${key}`}
          title={
            <span>
              {title} <Badge count={items.length} color="#a8071a" />
            </span>
          }
        >
          <List
            size="small"
            dataSource={items}
            renderItem={(i) => (
              <List.Item>
                <Link to={to(i)}>{i.name}</Link>
                <span>
                  {i.unitName} <StatusTag status={i.status} />
                </span>
              </List.Item>
            )}
          />
        </Card>
      </Col>
    ) : null;
  return (
    <div className="jx-page">
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t(`待办事项 · ${fiscalYear} 年度`, `To do · FY ${fiscalYear}`)}
      </Typography.Title>
      {d.counts.total === 0 ? <Empty description={t("没有待办事项", "Nothing to do")} /> : null}
      <Row gutter={[16, 16]}>
        {section("returned", t("被退回待修改", "Returned to fix"), d.returned, (i) => `/projects/${i.id}`)}
        {section("drafts", t("草稿待完成", "Drafts to finish"), d.drafts, (i) => `/projects/${i.id}`)}
        {section("toReview", t("待我审核", "Waiting for my review"), d.toReview, (i) => `/projects/${i.id}/review`)}
        {section(
          "selfEvaluations",
          t("待填报自评", "Self-evaluations due"),
          d.selfEvaluations,
          (i) => `/projects/${i.id}/self-evaluation`,
        )}
        {section(
          "selfEvaluationsToReview",
          t("待审核自评", "Self-evaluations to review"),
          d.selfEvaluationsToReview ?? [],
          (i) => `/projects/${i.id}/self-evaluation`,
        )}
        {section(
          "spotChecks",
          t("待财政抽评", "Spot checks to do"),
          d.spotChecks ?? [],
          (i) => `/projects/${i.id}/self-evaluation`,
        )}
        {rect?.length ? (
          <Col xs={24} lg={12}>
            <Card
              size="small"
              data-testid="todo-rectifications"
              title={
                <span>
                  {t("整改任务", "Rectification tasks")} <Badge count={rect.length} color="#a8071a" />
                </span>
              }
            >
              <List
                size="small"
                dataSource={rect}
                renderItem={(r) => (
                  <List.Item>
                    <Link to="/rectifications">{r.name}</Link>
                    {t(`整改期限 ${r.deadline}`, `Due ${r.deadline}`)}
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        ) : null}
        {d.publications.length ? (
          <Col xs={24} lg={12}>
            <Card
              size="small"
              data-testid="todo-publications"
              title={
                <span>
                  {t("待公开", "To publish")} <Badge count={d.publications.length} color="#a8071a" />
                </span>
              }
            >
              <List
                size="small"
                dataSource={d.publications}
                renderItem={(p) => (
                  <List.Item>
                    <Link to="/publish">
                      {p.deptCode} {p.deptName}
                    </Link>
                    {t(`${p.approved} 个已批复项目未公开`, `${p.approved} approved tables not published`)}
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        ) : null}
      </Row>
      <Card size="small" title={t("消息通知", "Notices")} style={{ marginTop: 16 }} data-testid="notices">
        {notices.error ? <ErrorView error={notices.error} /> : null}
        <List
          size="small"
          locale={{ emptyText: t("暂无通知", "No notices") }}
          dataSource={notices.data?.items ?? []}
          renderItem={(n) => (
            <List.Item>
              <Link to={`/projects/${n.projectId}`}>{n.message}</Link>
              <Typography.Text type="secondary">
                {n.actor} · {formatDateTime(n.at)}
              </Typography.Text>
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
