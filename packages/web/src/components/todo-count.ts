/** 待办 counts and lists of the year in view (the menu shows the total). */
import { useQuery } from "@tanstack/react-query";
import { qs, request } from "../api/client.ts";
import type { Status } from "../api/types.ts";
import { useSession } from "../session.tsx";

export interface TodoItem {
  id: number;
  name: string;
  unitName: string;
  status: Status;
  reviewLevel: number;
  updatedAt: string;
}
export interface Todo {
  drafts: TodoItem[];
  returned: TodoItem[];
  toReview: TodoItem[];
  selfEvaluations: TodoItem[];
  publications: { deptCode: string; deptName: string; approved: number }[];
  counts: Record<"drafts" | "returned" | "toReview" | "selfEvaluations" | "publications" | "total", number>;
}
export interface Notice {
  id: number;
  projectId: number;
  kind: string;
  message: string;
  actor: string;
  at: string;
}

export function useTodo() {
  const { fiscalYear, user } = useSession();
  return useQuery({
    queryKey: ["todo", fiscalYear],
    queryFn: () => request<Todo>(`/todo${qs({ fiscalYear })}`),
    enabled: Boolean(user),
    refetchInterval: 60_000,
  });
}
