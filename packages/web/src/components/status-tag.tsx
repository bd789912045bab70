import { Tag } from "antd";
import type { Status } from "../api/types.ts";
import { useLang } from "../i18n.tsx";

const STATUS: Record<Status, { zh: string; en: string; color: string }> = {
  draft: { zh: "草稿", en: "Draft", color: "default" },
  submitted: { zh: "已提交", en: "Submitted", color: "processing" },
  approved: { zh: "已批复", en: "Approved", color: "success" },
  returned: { zh: "已退回", en: "Returned", color: "error" },
};

export function statusLabel(s: Status, lang: "zh" | "en"): string {
  return STATUS[s]?.[lang] ?? s;
}

export function StatusTag({ status }: { status: Status }) {
  const { lang } = useLang();
  const s = STATUS[status];
  return <Tag color={s?.color}>{s ? s[lang] : status}</Tag>;
}

export const STATUSES = Object.keys(STATUS) as Status[];
