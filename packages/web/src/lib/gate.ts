/**
 * The review gate a refused 提交/批复 reports (强制审核 findings that block it, 提示性审核 findings
 * that need a written 说明). Apart from its dialog (components/workflow-dialogs.tsx), so a page
 * can read the answer without loading the dialog until it is shown.
 */
import { ApiError } from "../api/client.ts";
import type { Finding } from "../api/types.ts";

export interface GateState {
  kind: "blocked" | "explain";
  findings: Finding[];
}

/** The gate a refused 提交/批复 reports, or null for any other error. */
export function gateFrom(e: unknown): GateState | null {
  if (!(e instanceof ApiError)) return null;
  const findings = (e.body as { error?: { details?: { findings?: Finding[] } } } | null)?.error?.details?.findings;
  if (e.code === "workflow.blocked") return { kind: "blocked", findings: findings ?? [] };
  if (e.code === "workflow.explanation-required") return { kind: "explain", findings: findings ?? [] };
  return null;
}
