/** A monitoring light: coloured AND written (never colour alone), with its value on hover. */
import type { Light } from "@jixiao/core/monitoring/index.ts";
import type { CSSProperties } from "react";
import { useLang } from "../../i18n.tsx";
import { LIGHT_WORDS, word } from "./words.ts";

export const LIGHT_BG: Readonly<Record<Light, string>> = { red: "#f4b6b0", yellow: "#fbe3a1", green: "#bfe3c0" };
export const LIGHT_FG: Readonly<Record<Light, string>> = { red: "#7a1010", yellow: "#5c4300", green: "#135200" };

export function LightTag({ light, title, style }: { light: Light | null; title?: string; style?: CSSProperties }) {
  const { lang, t } = useLang();
  if (light === null)
    return (
      <span className="jx-light" title={title} data-light="none" style={style}>
        {t("无灯", "none")}
      </span>
    );
  return (
    <span
      className="jx-light"
      data-light={light}
      title={title}
      style={{
        background: LIGHT_BG[light],
        color: LIGHT_FG[light],
        padding: "1px 8px",
        borderRadius: 3,
        fontWeight: 600,
        whiteSpace: "nowrap",
        ...style,
      }}
    >
      {word(LIGHT_WORDS[light], lang)}
    </span>
  );
}
