/**
 * Test helpers: the text of a .docx as Word stores it (word/document.xml), per paragraph and per
 * table row/cell, without any docx library — the checks read what Word and WPS will read.
 */
import { strFromU8, unzipSync } from "fflate";

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (m) => ENTITIES[m]!);

/** The XML of word/document.xml. */
export function documentXml(bytes: Uint8Array): string {
  const files = unzipSync(bytes);
  const xml = files["word/document.xml"];
  if (!xml) throw new Error("no word/document.xml");
  return strFromU8(xml);
}

/** The text runs of an XML fragment, joined. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join("");
}

/** Every paragraph's text outside tables, in order. */
export function paragraphs(xml: string): string[] {
  const body = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, "");
  return [...body.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => textOf(m[0])).filter(Boolean);
}

/** Every table as rows of cell texts (cells continuing a vertical merge are ""). */
export function tables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1]!.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => textOf(c[1]!)),
    ),
  );
}
