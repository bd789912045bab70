/**
 * tesseract itself: whether it is installed with chi_sim, one run over a list of crops (TSV
 * out, killed at its time limit), and the TSV read back per crop (text and the confidence of
 * its least sure word).
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** The tesseract executable (JIXIAO_TESSERACT_BIN or `tesseract`) when it runs and has chi_sim. */
export async function tesseractReady(): Promise<string | null> {
  const bin = process.env.JIXIAO_TESSERACT_BIN || "tesseract";
  return new Promise((resolve) => {
    execFile(bin, ["--list-langs"], { timeout: 10_000 }, (err, stdout, stderr) => {
      resolve(!err && /\bchi_sim\b/.test(`${stdout}${stderr}`) ? bin : null);
    });
  });
}

/**
 * Runs tesseract on a list of images; resolves with its TSV text (empty on failure or timeout).
 * JIXIAO_OCR_CACHE=DIR (development only: scripts/ocr-accuracy.ts) keeps each batch's TSV by
 * the hash of its images and settings, so re-reading the same scans skips tesseract.
 */
export async function runTesseract(
  bin: string,
  list: string,
  out: string,
  psm: number,
  ms: number,
  lang: string,
): Promise<string> {
  const cache = process.env.JIXIAO_OCR_CACHE;
  if (!cache) return tesseract(bin, list, out, psm, ms, lang);
  const hash = createHash("sha256").update(`${psm} ${lang}\n`);
  for (const f of (await readFile(list, "utf8")).split("\n")) hash.update(await readFile(f));
  const file = join(cache, `${hash.digest("hex")}.tsv`);
  const hit = await readFile(file, "utf8").catch(() => null);
  if (hit !== null) return hit;
  const tsv = await tesseract(bin, list, out, psm, ms, lang);
  if (tsv) await mkdir(cache, { recursive: true }).then(() => writeFile(file, tsv));
  return tsv;
}

function tesseract(bin: string, list: string, out: string, psm: number, ms: number, lang: string): Promise<string> {
  return new Promise((resolve) => {
    execFile(
      bin,
      [list, out, "-l", lang, "--psm", String(psm), "-c", "preserve_interword_spaces=1", "tsv"],
      { timeout: ms, killSignal: "SIGKILL", maxBuffer: 64 << 20 },
      async () => resolve(await readFile(`${out}.tsv`, "utf8").catch(() => "")),
    );
  });
}

/** TSV → per image (1-based page_num): text (lines joined, CJK without spaces) and mean confidence. */
export function parseTsv(tsv: string): Map<number, { text: string; conf: number }> {
  const words = new Map<number, Array<{ line: string; text: string; conf: number }>>();
  for (const row of tsv.split("\n").slice(1)) {
    const f = row.split("\t");
    if (f.length < 12 || f[0] !== "5") continue;
    const text = f.slice(11).join("\t").trim();
    if (!text) continue;
    const page = Number(f[1]);
    const list = words.get(page) ?? [];
    list.push({ line: `${f[2]}.${f[3]}.${f[4]}`, text, conf: Number(f[10]) });
    words.set(page, list);
  }
  const out = new Map<number, { text: string; conf: number }>();
  for (const [page, list] of words) {
    let text = "";
    let prev = "";
    for (const w of list) {
      const sep = prev && w.line === prev && /[A-Za-z0-9%]$/.test(text) && /^[A-Za-z0-9]/.test(w.text) ? " " : "";
      text += sep + w.text;
      prev = w.line;
    }
    // The least sure word decides: one misread ideograph makes the cell doubtful.
    const conf = Math.min(...list.map((w) => w.conf));
    out.set(page, { text: text.replace(/(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g, ""), conf });
  }
  return out;
}
