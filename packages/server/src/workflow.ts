/**
 * The workflow of a target table as a pure state machine:
 * draft → submitted → approved | returned; returned → (edit) → submitted; approved → adjust →
 * a new draft of kind "adjustment". Approved versions never change (the database enforces it).
 */
export type Status = "draft" | "submitted" | "approved" | "returned";
export type Transition = "submit" | "approve" | "return" | "adjust";

const NEXT: Record<Transition, Partial<Record<Status, Status>>> = {
  submit: { draft: "submitted", returned: "submitted" },
  approve: { submitted: "approved" },
  return: { submitted: "returned" },
  adjust: { approved: "draft" },
};

/**
 * The status after a transition, or null when it is not allowed from `from`.
 * @example nextStatus("draft", "submit") // "submitted"
 */
export function nextStatus(from: Status, t: Transition): Status | null {
  return NEXT[t][from] ?? null;
}

/** True when the current version's table may be edited. */
export function isEditable(status: Status): boolean {
  return status === "draft" || status === "returned";
}

export const STATUS_LABEL: Record<Status, string> = {
  draft: "草稿",
  submitted: "已提交",
  approved: "已批复",
  returned: "已退回",
};
