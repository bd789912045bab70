/**
 * Language: Chinese first, English on a switch. Strings are written inline as
 * `t("中文", "English")` so that the Chinese stays next to the code that shows it.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";

export type Lang = "zh" | "en";

interface LangState {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (zh: string, en: string) => string;
}

const LangContext = createContext<LangState>({ lang: "zh", setLang: () => {}, t: (zh) => zh });

const STORAGE_KEY = "jixiao.lang";

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "zh";
  } catch {
    return "zh";
  }
}

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: keep it in memory only
    }
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
