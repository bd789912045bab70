/**
 * PDF export: prints the 表12 HTML page with the system's chromium (Debian's /usr/bin/chromium,
 * or JIXIAO_CHROMIUM) through playwright-core — never a browser download. Without chromium it
 * returns a coded error saying exactly what to install.
 */
import { existsSync } from "node:fs";
import type { Diagnostic, TargetDocument } from "@jixiao/core";
import { table12Html } from "../html/table12-html.ts";

/**
 * The chromium executable to use, or null when none is installed. JIXIAO_CHROMIUM, when set,
 * is the only candidate (a wrong path is reported, not silently replaced).
 */
export function chromiumPath(): string | null {
  const env = process.env.JIXIAO_CHROMIUM;
  if (env) return existsSync(env) ? env : null;
  for (const c of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (existsSync(c)) return c;
  return null;
}

export const CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];

export const NO_CHROMIUM: Diagnostic = {
  code: "pdf.no-chromium",
  severity: "error",
  message:
    "导出 PDF 需要系统的 chromium：请运行 sudo apt-get install chromium fonts-noto-cjk（或设置 JIXIAO_CHROMIUM 指向 chromium）",
  messageEn:
    "PDF export needs the system's chromium: run `sudo apt-get install chromium fonts-noto-cjk` (or set JIXIAO_CHROMIUM to a chromium executable)",
};

/** Prints any HTML page to A4 PDF bytes with chromium; null + diagnostic when chromium is missing. */
export async function printHtmlToPdf(html: string): Promise<{ value: Uint8Array | null; diagnostics: Diagnostic[] }> {
  const executablePath = chromiumPath();
  if (!executablePath) return { value: null, diagnostics: [NO_CHROMIUM] };
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: "load" });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, format: "A4", landscape: true });
    return { value: new Uint8Array(pdf), diagnostics: [] };
  } finally {
    await browser.close();
  }
}

/**
 * Writes the printable 表12 of a document as PDF bytes.
 * @example (await writePdf(doc)).value?.subarray(0, 4) // "%PDF"
 */
export async function writePdf(doc: TargetDocument): Promise<{ value: Uint8Array | null; diagnostics: Diagnostic[] }> {
  return printHtmlToPdf(table12Html(doc));
}
