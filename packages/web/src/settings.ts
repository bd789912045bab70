/**
 * The view settings a page starts with — the UI language, the fiscal year and the department the
 * screens look at — as the user last chose them. Kept in localStorage, and mirrored into cookies
 * so that the server, which renders the first-load pages (entry-server.tsx), starts from the same
 * ones. Read once per page load; the defaults are the same on both sides.
 */
export type Lang = "zh" | "en";

export interface ViewSettings {
  lang: Lang;
  year: number;
  dept: string | null;
}

export const DEFAULT_YEAR = 2024;

/** localStorage key → cookie name of each setting. */
const KEYS = { lang: "jixiao.lang", year: "jixiao.year", dept: "jixiao.dept" } as const;
type Key = (typeof KEYS)[keyof typeof KEYS];
const cookieName = (key: Key): string => key.replace(".", "_");
const YEAR_SECONDS = 365 * 24 * 3600;

/** The settings from stored values (either side's): what is missing or unreadable has its default. */
function settingsOf(get: (key: Key) => string | null | undefined): ViewSettings {
  return {
    lang: get(KEYS.lang) === "en" ? "en" : "zh",
    year: Number(get(KEYS.year)) || DEFAULT_YEAR,
    dept: get(KEYS.dept) || null,
  };
}

export function storedValue(key: Key): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeCookie(key: Key, value: string | null): void {
  try {
    const name = cookieName(key);
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every browser the app serves
    document.cookie =
      value === null
        ? `${name}=; path=/; max-age=0; samesite=lax`
        : `${name}=${encodeURIComponent(value)}; path=/; max-age=${YEAR_SECONDS}; samesite=lax`;
  } catch {
    // no document (server) or cookies blocked: the server renders the defaults
  }
}

/** Stores a setting (null removes it), in localStorage and its cookie. */
export function storeValue(key: Key, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // private mode: keep it in memory only
  }
  writeCookie(key, value);
}

export const SETTING_KEYS = KEYS;

/** The settings this browser stored (the client's first render starts from them). */
export const storedSettings = (): ViewSettings => settingsOf(storedValue);

/** Copies the stored settings into their cookies (settings stored before the cookies existed). */
export function mirrorSettingsToCookies(): void {
  for (const key of Object.values(KEYS)) writeCookie(key, storedValue(key));
}

/** The settings a request's cookies carry (the server's render starts from them). */
export function settingsFromCookies(cookies: Record<string, string | undefined>): ViewSettings {
  return settingsOf((key) => cookies[cookieName(key)]);
}

export const sameSettings = (a: ViewSettings, b: ViewSettings): boolean =>
  a.lang === b.lang && a.year === b.year && a.dept === b.dept;
