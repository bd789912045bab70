/**
 * Language: Chinese first, English on a switch. Strings are written inline as
 * `t("中文", "English")` so that the Chinese stays next to the code that shows it.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { type Lang, SETTING_KEYS, storedSettings, storeValue } from "./settings.ts";

export type { Lang };

interface LangState {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (zh: string, en: string) => string;
}

const LangContext = createContext<LangState>({ lang: "zh", setLang: () => {}, t: (zh) => zh });

/** `initial`: the language to start in (the server's render passes the request's); else the stored one. */
export function LangProvider({ children, initial }: { children: ReactNode; initial?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initial ?? storedSettings().lang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    storeValue(SETTING_KEYS.lang, next);
  }, []);
  // The page's language follows the UI's from the first render (screen readers, hyphenation).
  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  }, [lang]);
  const t = useCallback((zh: string, en: string) => (lang === "zh" ? zh : en), [lang]);
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangState {
  return useContext(LangContext);
}
