/** 指标库: search the indicators of approved tables in scope and add one to the table. */
import { useQuery } from "@tanstack/react-query";
import { Button, Input, Modal, Table } from "antd";
import { useState } from "react";
import { qs, request } from "../api/client.ts";
import type { Indicator } from "../api/types.ts";
import { useLang } from "../i18n.tsx";
import { useDebounced } from "../lib/use-debounced.ts";
import { useSession } from "../session.tsx";
import { ErrorView } from "./error-view.tsx";

interface LibraryItem extends Indicator {
  projectName: string;
  unitCode: string;
  fiscalYear: number;
  uses: number;
}

export function LibraryModal({ onClose, onPick }: { onClose: () => void; onPick: (row: Indicator) => void }) {
  const { t } = useLang();
  const { fiscalYear } = useSession();
  const [q, setQ] = useState("");
  const dq = useDebounced(q, 250);
  const lib = useQuery({
    queryKey: ["library", dq, fiscalYear],
    queryFn: () => request<{ items: LibraryItem[] }>(`/library/indicators${qs({ q: dq, limit: 50 })}`),
  });
  return (
    <Modal open width={900} title={t("指标库", "Indicator library")} onCancel={onClose} footer={null}>
      <Input.Search
        aria-label={t("搜索指标", "Search indicators")}
        placeholder={t("输入指标名称", "Indicator name")}
        onChange={(e) => setQ(e.target.value)}
        style={{ marginBottom: 12 }}
      />
      {lib.error ? <ErrorView error={lib.error} /> : null}
      <Table<LibraryItem>
        size="small"
        rowKey={(r) => `${r.projectName}/${r.name}/${r.fiscalYear}`}
        loading={lib.isLoading}
        dataSource={lib.data?.items ?? []}
        pagination={{ pageSize: 8 }}
        columns={[
          { title: t("一级/二级", "Levels"), render: (_, r) => `${r.level1} / ${r.level2}` },
          { title: t("三级指标", "Indicator"), dataIndex: "name" },
          { title: t("目标", "Target"), render: (_, r) => `${r.operator ?? ""}${r.target}${r.unit ?? ""}` },
          { title: t("来源", "From"), render: (_, r) => `${r.fiscalYear} ${r.projectName}` },
          {
            title: "",
            render: (_, r) => (
              <Button
                size="small"
                onClick={() =>
                  onPick({
                    level1: r.level1,
                    level2: r.level2,
                    name: r.name,
                    nature: r.nature,
                    operator: r.operator,
                    target: r.target,
                    unit: r.unit,
                    weight: r.weight,
                  })
                }
              >
                {t("添加", "Add")}
              </Button>
            ),
          },
        ]}
      />
    </Modal>
  );
}
