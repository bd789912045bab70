/**
 * Diagnostics registries: each package declares its stable codes once — severity, the words in
 * Chinese and English, what it means — and builds every diagnostic, finding or error from that
 * table, never from free strings. docs/DIAGNOSTICS.md is generated from every package's registry
 * (`npm run docs:diagnostics`; a test fails when the file is stale).
 *
 * A template is text with `{name}` placeholders, or a function of the parameters when the
 * wording depends on them; `{name}` and `p.name` take the same parameter.
 *
 * @example
 * const WORDS = defineDiagnostics("@jixiao/formats", "xlsx", {
 *   "xlsx.sheet-empty": { severity: "warning", zh: "工作表“{sheet}”为空", en: 'Sheet "{sheet}" is empty', about: "A sheet with no cells." },
 * });
 * WORDS.diagnostic("xlsx.sheet-empty", { sheet: "Sheet1" }).messageEn // 'Sheet "Sheet1" is empty'
 */
import type { Diagnostic, Severity } from "./diagnostic.ts";

/** Parameters of a message: every value is shown as text. */
export type DiagnosticParams = Readonly<Record<string, string | number>>;

/** Text with `{name}` placeholders, or a function of the parameters. */
export type Template = string | ((p: Readonly<Record<string, string>>) => string);

/** One code's entry. */
export interface DiagnosticDefinition {
  /** The usual severity (a policy may change a review rule's; a builder may pass another). */
  severity: Severity;
  /** Chinese words (shown first in every UI). */
  zh: Template;
  /** English words. */
  en: Template;
  /** What the code means and what to do, for docs/DIAGNOSTICS.md (English, one or two sentences). */
  about?: string;
  /** Extra facts for the docs, e.g. `{ status: 404 }` for an HTTP error. */
  facts?: Readonly<Record<string, string | number>>;
}

/** A package's (or area's) table of codes and the builders that use it. */
export interface DiagnosticRegistry<C extends string = string> {
  /** npm package that owns the codes, e.g. `@jixiao/server`. */
  readonly owner: string;
  /** Area within the package, e.g. `scoring`, `http`. */
  readonly area: string;
  readonly codes: Readonly<Record<C, DiagnosticDefinition>>;
  /** The words of a code with its parameters filled in. */
  words(code: C, params?: DiagnosticParams): { message: string; messageEn: string };
  /** A diagnostic of a code (its registered severity unless `extra` gives one). */
  diagnostic(code: C, params?: DiagnosticParams, extra?: Omit<Partial<Diagnostic>, "code">): Diagnostic;
}

const NO_PARAMS: Readonly<Record<string, string>> = Object.freeze({});

/** The parameters as text (the same object when every value already is). */
function asText(params: DiagnosticParams | undefined): Readonly<Record<string, string>> {
  if (!params) return NO_PARAMS;
  for (const k in params) {
    if (typeof params[k] !== "string") {
      const out: Record<string, string> = {};
      for (const j of Object.keys(params)) out[j] = String(params[j]);
      return out;
    }
  }
  return params as Readonly<Record<string, string>>;
}

/**
 * Fills a template. A `{name}` without a parameter stays as written, so a missing parameter
 * shows in the text instead of disappearing.
 * @example renderTemplate("得分 {score} 低于 {weight}", { score: "8.36", weight: "9" }) // "得分 8.36 低于 9"
 */
export function renderTemplate(t: Template, params: Readonly<Record<string, string>>): string {
  if (typeof t === "function") return t(params);
  return t.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, k: string) => (Object.hasOwn(params, k) ? params[k]! : whole));
}

/**
 * A template as text for the docs: functions are called with every parameter shown as `{name}`.
 * @example templateText((p) => `值“${p.actual}”不是数值`) // "值“{actual}”不是数值"
 */
export function templateText(t: Template): string {
  if (typeof t === "string") return t;
  const shown = new Proxy({} as Record<string, string>, {
    get: (_, k) => (typeof k === "string" ? `{${k}}` : undefined),
  });
  return t(shown);
}

/**
 * Declares a registry.
 * @example defineDiagnostics("@jixiao/core", "scoring", { "score.actual-missing": { severity: "error", zh: "缺少实际完成值", en: "The actual value is missing" } }).owner // "@jixiao/core"
 */
export function defineDiagnostics<C extends string>(
  owner: string,
  area: string,
  codes: Record<C, DiagnosticDefinition>,
): DiagnosticRegistry<C> {
  const frozen = Object.freeze({ ...codes });
  return Object.freeze({
    owner,
    area,
    codes: frozen,
    words(code: C, params?: DiagnosticParams) {
      const def = frozen[code];
      const p = asText(params);
      return { message: renderTemplate(def.zh, p), messageEn: renderTemplate(def.en, p) };
    },
    diagnostic(code: C, params?: DiagnosticParams, extra?: Omit<Partial<Diagnostic>, "code">): Diagnostic {
      const def = frozen[code];
      const p = asText(params);
      return {
        code,
        severity: extra?.severity ?? def.severity,
        message: renderTemplate(def.zh, p),
        messageEn: renderTemplate(def.en, p),
        ...extra,
      };
    },
  });
}
