import { Tag } from "antd";
import type { CSSProperties, ReactNode } from "react";
import type { Status } from "../api/types.ts";
import { useLang } from "../i18n.tsx";
import { STATUS_WORDS, statusWords } from "../words/statuses.ts";

/** Tag tones with WCAG AA contrast (antd's light preset tags fall short of 4.5:1). */
export type Tone = "neutral" | "info" | "success" | "danger" | "warning" | "gold";

const TONES: Record<Tone, CSSProperties> = {
  neutral: { color: "#1f1f1f", background: "#f5f5f5", borderColor: "#d9d9d9" },
  info: { color: "#003eb3", background: "#e6f4ff", borderColor: "#91caff" },
  success: { color: "#135200", background: "#f6ffed", borderColor: "#b7eb8f" },
  danger: { color: "#a8071a", background: "#fff1f0", borderColor: "#ffa39e" },
  warning: { color: "#873800", background: "#fff7e6", borderColor: "#ffd591" },
  gold: { color: "#613400", background: "#fffbe6", borderColor: "#ffe58f" },
};

export function ToneTag({ tone, children, style }: { tone: Tone; children: ReactNode; style?: CSSProperties }) {
  return <Tag style={{ ...TONES[tone], ...style }}>{children}</Tag>;
}

const TONE: Record<Status, Tone> = {
  draft: "neutral",
  submitted: "info",
  approved: "success",
  returned: "danger",
  voided: "gold",
};

/** A status in words (words/statuses.ts). */
export function statusLabel(s: Status, lang: "zh" | "en"): string {
  return statusWords(s, lang);
}

export function StatusTag({ status }: { status: Status }) {
  const { lang } = useLang();
  return <ToneTag tone={TONE[status] ?? "neutral"}>{statusWords(status, lang)}</ToneTag>;
}

export const STATUSES = Object.keys(STATUS_WORDS) as Status[];
