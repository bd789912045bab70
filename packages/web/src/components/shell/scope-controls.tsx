/**
 * What the screens look at: the department (a select, or the user's own department as a tag)
 * and the fiscal year. Native selects: light to load, and the phone's own picker on phones. While a page shows one project (session `focus`), both show that
 * project's year and department; choosing another then goes back to the project list.
 */
import { useQuery } from "@tanstack/react-query";
import { Tag } from "antd";
import { useNavigate } from "react-router-dom";
import { qs, request } from "../../api/client.ts";
import type { Department } from "../../api/types.ts";
import { useLang } from "../../i18n.tsx";
import { ROLE_LABEL, useSession } from "../../session.tsx";
import { ToneTag } from "../status-tag.tsx";
import { useFiscalYears } from "./use-fiscal-years.ts";

/** The year and department the header shows: the project's on a project page, else the session's. */
export function useShownScope() {
  const { fiscalYear, deptCode, focus } = useSession();
  return { year: focus?.fiscalYear ?? fiscalYear, dept: focus?.deptCode ?? deptCode, focused: Boolean(focus) };
}

export function ScopeControls({ stacked = false }: { stacked?: boolean }) {
  const { user, setFiscalYear, setDeptCode } = useSession();
  const { t } = useLang();
  const navigate = useNavigate();
  const { year, dept, focused } = useShownScope();
  const depts = useQuery({
    queryKey: ["departments", year],
    queryFn: () => request<{ items: Department[] }>(`/departments${qs({ fiscalYear: year })}`),
  });
  const known = useFiscalYears();
  const years = known.includes(year) ? known : [...known, year].sort((a, b) => a - b);
  const bound = Boolean(user?.deptCode || user?.unitCode);
  const deptName = depts.data?.items.find((d) => d.code === dept)?.name ?? "";
  const leave = () => {
    if (focused) navigate("/projects");
  };
  const width = stacked ? "100%" : undefined;
  return (
    <>
      {bound || focused ? (
        <span
          className={stacked ? "jx-scope-line" : "jx-scope-tag"}
          data-testid="scope"
          title={`${dept ?? ""} ${deptName}`}
        >
          {t("部门", "Dept.")} {dept} {deptName}
          {user?.unitCode ? ` · ${t("单位", "unit")} ${user.unitCode}` : ""}
        </span>
      ) : (
        <select
          aria-label={t("部门", "Department")}
          className="jx-scope-select"
          style={{ width: width ?? 190 }}
          value={dept ?? ""}
          onChange={(e) => setDeptCode(e.target.value || null)}
        >
          <option value="">{t("全部部门", "All departments")}</option>
          {(depts.data?.items ?? []).map((d) => (
            <option key={d.code} value={d.code}>{`${d.code} ${d.name}`}</option>
          ))}
          {dept && !depts.data?.items.some((d) => d.code === dept) ? <option value={dept}>{dept}</option> : null}
        </select>
      )}
      <select
        aria-label={t("预算年度", "Fiscal year")}
        data-testid="header-year"
        className="jx-scope-select"
        style={{ width: width ?? 110 }}
        value={year}
        onChange={(e) => {
          setFiscalYear(Number(e.target.value));
          leave();
        }}
      >
        {years.map((y) => (
          <option key={y} value={y}>
            {t(`${y} 年度`, `FY ${y}`)}
          </option>
        ))}
      </select>
    </>
  );
}

/** The signed-in user's name, role and region. */
export function WhoAmI({ compact = false }: { compact?: boolean }) {
  const { user } = useSession();
  const { t, lang } = useLang();
  const role = user ? ROLE_LABEL[user.role] : null;
  const roleText = role ? (lang === "zh" ? role[0] : role[1]) : "";
  const name = user?.displayName || user?.username;
  if (compact)
    return (
      <span className="jx-who" title={`${name} · ${roleText} · ${t("财政区划", "Region")} ${user?.regionCode}`}>
        {name}
      </span>
    );
  return (
    <span className="jx-who-full">
      <ToneTag tone="gold" style={{ marginInlineEnd: 0 }}>
        {t("财政区划", "Region")} {user?.regionCode}
      </ToneTag>
      <span className="jx-who-name">
        {name}
        {role ? <Tag style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>{roleText}</Tag> : null}
      </span>
    </span>
  );
}
