import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Col, Form, Input, Row, Select, Switch, Table, Tag, Typography } from "antd";
import { qs, request } from "../api/client.ts";
import type { Department, Role, Unit, User } from "../api/types.ts";
import { ErrorView, errorText } from "../components/error-view.tsx";
import { ReviewSettingsCard } from "../components/review-settings-card.tsx";
import { YearCard } from "../components/year-card.tsx";
import { useLang } from "../i18n.tsx";
import { ROLE_LABEL, useSession } from "../session.tsx";

export default function AdminPage() {
  const { t, lang } = useLang();
  const { fiscalYear } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const users = useQuery({ queryKey: ["users"], queryFn: () => request<{ items: User[] }>("/users") });
  const depts = useQuery({
    queryKey: ["departments", fiscalYear],
    queryFn: () => request<{ items: Department[] }>(`/departments${qs({ fiscalYear })}`),
  });
  const units = useQuery({
    queryKey: ["units", fiscalYear, null],
    queryFn: () => request<{ items: Unit[] }>(`/units${qs({ fiscalYear })}`),
  });
  const ok = (key: string) => () => {
    message.success(t("已保存", "Saved"));
    qc.invalidateQueries({ queryKey: [key] });
  };
  const fail = (e: unknown) => message.error(errorText(e, lang));
  const addUser = useMutation({
    mutationFn: (v: Record<string, string>) =>
      request("/users", { body: Object.fromEntries(Object.entries(v).filter(([, x]) => x)) }),
    onSuccess: ok("users"),
    onError: fail,
  });
  const patchUser = useMutation({
    mutationFn: ({ id, ...v }: { id: number; disabled: boolean }) =>
      request(`/users/${id}`, { method: "PATCH", body: v }),
    onSuccess: ok("users"),
    onError: fail,
  });
  const addDept = useMutation({
    mutationFn: (v: { code: string; name: string }) => request("/departments", { body: { ...v, fiscalYear } }),
    onSuccess: ok("departments"),
    onError: fail,
  });
  const addUnit = useMutation({
    mutationFn: (v: { code: string; name: string }) => request("/units", { body: { ...v, fiscalYear } }),
    onSuccess: ok("units"),
    onError: fail,
  });
  const roleOptions = (Object.keys(ROLE_LABEL) as Role[]).map((r) => ({
    value: r,
    label: lang === "zh" ? ROLE_LABEL[r][0] : ROLE_LABEL[r][1],
  }));
  return (
    <div className="jx-page">
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={12}>
          <YearCard />
        </Col>
        <Col xs={24} xl={12}>
          <ReviewSettingsCard />
        </Col>
      </Row>
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {t("用户与角色", "Users and roles")}
          </Typography.Title>
        }
      >
        {users.error ? <ErrorView error={users.error} /> : null}
        <Table<User>
          rowKey="id"
          size="small"
          bordered
          dataSource={users.data?.items ?? []}
          pagination={false}
          columns={[
            { title: t("用户名", "Username"), dataIndex: "username" },
            { title: t("姓名", "Name"), dataIndex: "displayName" },
            {
              title: t("角色", "Role"),
              render: (_, r) => <Tag>{lang === "zh" ? ROLE_LABEL[r.role][0] : ROLE_LABEL[r.role][1]}</Tag>,
            },
            { title: t("范围", "Scope"), render: (_, r) => r.unitCode ?? r.deptCode ?? r.regionCode },
            {
              title: t("启用", "Enabled"),
              render: (_, r) => (
                <Switch
                  size="small"
                  aria-label={`${r.username} ${t("启用", "enabled")}`}
                  checked={!r.disabled}
                  onChange={(on) => patchUser.mutate({ id: r.id, disabled: !on })}
                />
              ),
            },
          ]}
        />
        <Form layout="inline" style={{ marginTop: 12 }} onFinish={(v) => addUser.mutate(v)}>
          <Form.Item name="username" label={t("用户名", "Username")} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="password" label={t("初始密码", "Password")} rules={[{ required: true, min: 10 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="role" label={t("角色", "Role")} rules={[{ required: true }]}>
            <Select style={{ width: 150 }} options={roleOptions} />
          </Form.Item>
          <Form.Item name="deptCode" label={t("部门", "Dept")}>
            <Input style={{ width: 80 }} />
          </Form.Item>
          <Form.Item name="unitCode" label={t("单位", "Unit")}>
            <Input style={{ width: 100 }} />
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={addUser.isPending}>
            {t("添加用户", "Add user")}
          </Button>
        </Form>
      </Card>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <CodeNameCard
            title={t(`部门（${fiscalYear}）`, `Departments (${fiscalYear})`)}
            items={depts.data?.items ?? []}
            codePattern={/^\d{3}$/}
            codeWidth={70}
            onAdd={(v) => addDept.mutate(v)}
          />
        </Col>
        <Col xs={24} lg={12}>
          <CodeNameCard
            title={t(`单位（${fiscalYear}）`, `Units (${fiscalYear})`)}
            items={units.data?.items ?? []}
            codePattern={/^\d{6}$/}
            codeWidth={90}
            onAdd={(v) => addUnit.mutate(v)}
          />
        </Col>
      </Row>
    </div>
  );
}

/** A list of coded organisations (departments or units) with a form to add one. */
function CodeNameCard<T extends { code: string; name: string }>({
  title,
  items,
  codePattern,
  codeWidth,
  onAdd,
}: {
  title: string;
  items: T[];
  codePattern: RegExp;
  codeWidth: number;
  onAdd: (v: { code: string; name: string }) => void;
}) {
  const { t } = useLang();
  return (
    <Card title={title} size="small">
      <Table<T>
        rowKey="code"
        size="small"
        dataSource={items}
        pagination={false}
        columns={[
          { title: t("编码", "Code"), dataIndex: "code" },
          { title: t("名称", "Name"), dataIndex: "name" },
        ]}
      />
      <Form layout="inline" style={{ marginTop: 8 }} onFinish={onAdd}>
        <Form.Item name="code" label={t("编码", "Code")} rules={[{ required: true, pattern: codePattern }]}>
          <Input style={{ width: codeWidth }} />
        </Form.Item>
        <Form.Item name="name" label={t("名称", "Name")} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Button htmlType="submit">{t("添加", "Add")}</Button>
      </Form>
    </Card>
  );
}
