/**
 * The project list on a phone (< 768 px): one card per project (name, unit, status, 预算数,
 * indicators, links), fifty at a time, instead of a table too wide to read.
 */
import { Button, Card, Checkbox, Space } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import type { ProjectSummary } from "../../api/types.ts";
import { StatusTag } from "../../components/status-tag.tsx";
import { useLang } from "../../i18n.tsx";

const PAGE = 50;

export function ProjectCards({
  rows,
  selected,
  onSelect,
  money,
}: {
  rows: ProjectSummary[];
  selected: number[];
  onSelect: (ids: number[]) => void;
  /** 预算数 as the list shows it. */
  money: (p: ProjectSummary) => string;
}) {
  const { t } = useLang();
  const [shown, setShown] = useState(PAGE);
  return (
    <div className="jx-cards" data-testid="project-cards">
      {rows.slice(0, shown).map((p) => (
        <Card key={p.id} size="small" className="jx-card">
          <div className="jx-card-title">
            <Checkbox
              aria-label={t(`选择「${p.name}」`, `Select "${p.name}"`)}
              checked={selected.includes(p.id)}
              onChange={(e) => onSelect(e.target.checked ? [...selected, p.id] : selected.filter((x) => x !== p.id))}
            />
            <Link to={`/projects/${p.id}`}>{p.name}</Link>
          </div>
          <div className="jx-card-meta">
            {p.unitCode}-{p.unitName} · {p.category}
          </div>
          <div className="jx-card-row">
            <StatusTag status={p.status} />
            <span className="jx-num">{money(p)}</span>
            <span>{t(`${p.indicatorCount} 个指标`, `${p.indicatorCount} indicators`)}</span>
          </div>
          <Space size={4}>
            <Link to={`/projects/${p.id}/review`}>{t("审核", "Review")}</Link>
            {p.hasApproved ? <Link to={`/projects/${p.id}/self-evaluation`}>{t("自评", "Self-eval")}</Link> : null}
          </Space>
        </Card>
      ))}
      {rows.length > shown ? (
        <Button block onClick={() => setShown((n) => n + PAGE)}>
          {t(`再显示 ${Math.min(PAGE, rows.length - shown)} 个`, `Show ${Math.min(PAGE, rows.length - shown)} more`)}
        </Button>
      ) : null}
    </div>
  );
}
