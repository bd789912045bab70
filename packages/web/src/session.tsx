/**
 * Who is logged in, and which department / fiscal year the screens look at.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { request, setCsrf } from "./api/client.ts";
import { meQuery } from "./api/queries.ts";
import type { Role, User } from "./api/types.ts";
import { DEFAULT_YEAR, SETTING_KEYS, storedSettings, storeValue, type ViewSettings } from "./settings.ts";

interface SessionState {
  user: User | null;
  loading: boolean;
  login: (username: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
  fiscalYear: number;
  setFiscalYear: (y: number) => void;
  deptCode: string | null;
  setDeptCode: (d: string | null) => void;
  /** The project on screen (editor, review, self-evaluation): the header shows its year and department. */
  focus: ProjectFocus | null;
  setFocus: (f: ProjectFocus | null) => void;
}

/** Year and department of the project a page shows. */
export interface ProjectFocus {
  fiscalYear: number;
  deptCode: string;
}

const SessionContext = createContext<SessionState | null>(null);

export { DEFAULT_YEAR };

/** The fiscal year the screens look at when the page loads (the last one chosen). */
export const storedYear = (): number => storedSettings().year;
/** The department chosen last (users bound to none choose one). */
export const storedDept = (): string | null => storedSettings().dept;

/** A user bound to a department or unit always looks at their own department. */
export function scopeDept(user: User | null, choice: string | null): string | null {
  return user?.deptCode ?? user?.unitCode?.slice(0, 3) ?? choice ?? null;
}

/** `initial`: the year and department to start with (the server's render passes the request's); else the stored ones. */
export function SessionProvider({ children, initial }: { children: ReactNode; initial?: ViewSettings }) {
  const qc = useQueryClient();
  const me = useQuery(meQuery());
  const [fiscalYear, setYear] = useState<number>(() => initial?.year ?? storedYear());
  const [deptChoice, setDept] = useState<string | null>(() => (initial ? initial.dept : storedDept()));
  const [focus, setFocusState] = useState<ProjectFocus | null>(null);
  const setFocus = useCallback(
    (f: ProjectFocus | null) =>
      setFocusState((old) => (old && f && old.fiscalYear === f.fiscalYear && old.deptCode === f.deptCode ? old : f)),
    [],
  );

  const login = useCallback(
    async (username: string, password: string) => {
      const r = await request<{ user: User; csrfToken: string }>("/auth/login", { body: { username, password } });
      setCsrf(r.csrfToken);
      qc.setQueryData(["me"], r.user);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== "me" });
      return r.user;
    },
    [qc],
  );
  const logout = useCallback(async () => {
    try {
      await request("/auth/logout", { body: {} });
    } finally {
      setCsrf(null);
      qc.setQueryData(["me"], null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== "me" });
    }
  }, [qc]);

  const user = me.data ?? null;
  const deptCode = scopeDept(user, deptChoice);
  const value = useMemo<SessionState>(
    () => ({
      user,
      loading: me.isLoading,
      login,
      logout,
      fiscalYear,
      setFiscalYear: (y) => {
        setYear(y);
        storeValue(SETTING_KEYS.year, String(y));
      },
      deptCode,
      setDeptCode: (d) => {
        setDept(d);
        storeValue(SETTING_KEYS.dept, d);
      },
      focus,
      setFocus,
    }),
    [user, me.isLoading, login, logout, fiscalYear, deptCode, focus, setFocus],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside SessionProvider");
  return s;
}

/**
 * Puts a project's year and department in the header while the calling page shows it
 * (cleared when the page goes). Pass null while the project is loading.
 */
export function useProjectFocus(project: ProjectFocus | null): void {
  const { setFocus } = useSession();
  const year = project?.fiscalYear;
  const dept = project?.deptCode;
  useEffect(() => {
    if (year === undefined || dept === undefined) return;
    setFocus({ fiscalYear: year, deptCode: dept });
    return () => setFocus(null);
  }, [year, dept, setFocus]);
}

export const ROLE_LABEL: Record<Role, [string, string]> = {
  unit_staff: ["单位填报人员", "Unit staff"],
  dept_reviewer: ["部门审核人员", "Department reviewer"],
  finance_reviewer: ["财政审核人员", "Finance reviewer"],
  admin: ["系统管理员", "Administrator"],
};

export const can = {
  edit: (u: User | null) => u?.role === "unit_staff" || u?.role === "admin",
  approve: (u: User | null) => u?.role === "dept_reviewer" || u?.role === "finance_reviewer" || u?.role === "admin",
  publish: (u: User | null) => u?.role === "dept_reviewer" || u?.role === "finance_reviewer" || u?.role === "admin",
  audit: (u: User | null) => u?.role === "finance_reviewer" || u?.role === "admin",
  admin: (u: User | null) => u?.role === "admin",
};
