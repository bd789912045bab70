import { useEffect, useState } from "react";
import { useLang } from "../i18n.tsx";
import { weightOf } from "../lib/edit.ts";

/**
 * The 分值 cell: what was typed stays visible, and a value that is not a number from 0 to
 * LIMITS.weightMax (100) is marked with a message in words (the server refuses it too).
 */
export function WeightInput({
  label,
  weight,
  onChange,
}: {
  label: string;
  weight: number | null;
  onChange: (v: string | null) => void;
}) {
  const { t } = useLang();
  const shown = weight !== null && Number.isFinite(weight) ? String(weight) : "";
  const [text, setText] = useState(shown);
  // Follow the table when it changes from elsewhere (undo, merge, a reload).
  useEffect(() => {
    setText((cur) => (weightOf(cur) === weight || (Number.isNaN(weight) && cur !== "") ? cur : shown));
  }, [weight, shown]);
  const parsed = weightOf(text);
  const bad = text.trim() !== "" && (parsed === null || !Number.isFinite(parsed) || parsed < 0 || parsed > 100);
  return (
    <>
      <input
        className={`jx-input num${bad ? " jx-input-bad" : ""}`}
        inputMode="decimal"
        aria-label={label}
        aria-invalid={bad || undefined}
        value={text}
        style={bad ? { borderColor: "#a8071a", background: "#fff1f0" } : undefined}
        onChange={(e) => {
          setText(e.target.value);
          onChange(e.target.value.trim() === "" ? null : e.target.value);
        }}
      />
      {bad ? (
        <div className="jx-finding error" role="alert" data-testid="weight-invalid">
          {t("分值须为 0 至 100 的数字", "A weight is a number from 0 to 100")}
        </div>
      ) : null}
    </>
  );
}
