/**
 * `--policy NAME|FILE`: a preset id, or a JSON policy file read from disk and parsed by
 * core's parseReviewPolicy (core has no I/O, so the file is read here).
 */
import { readFile } from "node:fs/promises";
import { type Diagnostic, type Parsed, parseReviewPolicy, REVIEW_PRESETS, type ReviewPolicy } from "@jixiao/core";

export async function loadReviewPolicy(nameOrFile: string | undefined): Promise<Parsed<ReviewPolicy>> {
  const key = nameOrFile ?? "default";
  const preset = REVIEW_PRESETS[key];
  if (preset) return { value: preset, diagnostics: [] };
  let text: string;
  try {
    text = await readFile(key, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "EIO";
    const names = Object.keys(REVIEW_PRESETS).join(", ");
    const d: Diagnostic = {
      code: "policy.not-found",
      severity: "error",
      message: `「${key}」既不是预置政策（${names}）也不是可读的文件（${code}）`,
      messageEn: `"${key}" is neither a preset (${names}) nor a readable file (${code})`,
    };
    return { value: null, diagnostics: [d] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const d: Diagnostic = {
      code: "policy.bad-json",
      severity: "error",
      message: `政策文件 ${key} 不是有效的 JSON：${(e as Error).message}`,
      messageEn: `Policy file ${key} is not valid JSON: ${(e as Error).message}`,
    };
    return { value: null, diagnostics: [d] };
  }
  return parseReviewPolicy(data);
}
