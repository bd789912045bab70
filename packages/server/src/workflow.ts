/**
 * The workflow of a target table as a pure state machine:
 * draft → submitted → (each review level) → approved | returned; returned → (edit) → submitted;
 * submitted → withdraw (before any level opened it) → draft; approved → adjust → a new draft of
 * kind "adjustment"; approved → void (作废: kept, marked, out of totals). Approved versions never
 * change (the database enforces it).
 */
export type Status = "draft" | "submitted" | "approved" | "returned" | "voided";
export type Transition = "submit" | "approve" | "return" | "adjust" | "withdraw" | "void";

export const STATUSES: readonly Status[] = ["draft", "submitted", "approved", "returned", "voided"];
export const TRANSITIONS: readonly Transition[] = ["submit", "approve", "return", "adjust", "withdraw", "void"];

const NEXT: Record<Transition, Partial<Record<Status, Status>>> = {
  submit: { draft: "submitted", returned: "submitted" },
  approve: { submitted: "approved" },
  return: { submitted: "returned" },
  adjust: { approved: "draft" },
  withdraw: { submitted: "draft" },
  void: { approved: "voided" },
};

/**
 * The status after a transition, or null when it is not allowed from `from`.
 * (An approval below the last review level keeps the table "submitted": see commands/projects.)
 * @example nextStatus("draft", "submit") // "submitted"
 */
export function nextStatus(from: Status, t: Transition): Status | null {
  return NEXT[t][from] ?? null;
}

/** True when the current version's table may be edited. */
export function isEditable(status: Status): boolean {
  return status === "draft" || status === "returned";
}

/** Transitions that must carry a reason (退回原因, 调整原因, 作废原因). */
export const NEEDS_REASON: readonly Transition[] = ["return", "adjust", "void"];

export const STATUS_LABEL: Record<Status, string> = {
  draft: "草稿",
  submitted: "已提交",
  approved: "已批复",
  returned: "已退回",
  voided: "已作废",
};
