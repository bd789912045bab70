// The importer never crashes: empty input, binary garbage, a 50 MB single line, truncated
// files, shuffled lines, GBK bytes — each gets coded diagnostics and either no document
// (unreadable) or a partial one with warnings. A fuzz test runs 10,000 mutated inputs and
// checks that every result is well-formed: schema-valid document or null, coded diagnostics.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { type Diagnostic, validateDocument } from "@jixiao/core";
import iconv from "iconv-lite";
import { generateDepartment } from "../../../../bench/generator/department.ts";
import { printText } from "../../../../bench/generator/print-text.ts";
import { rng } from "../../../../bench/generator/random.ts";
import { readDocument } from "../read-document.ts";
import { readText } from "./read-text.ts";

const SEED_BYTES = readFileSync(new URL("../../../../examples/seed-2024-hohhot-union.txt", import.meta.url));

function wellFormed(diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) {
    assert.match(d.code, /^[a-z]+\.[a-z0-9-]+$/);
    assert.ok(["error", "warning", "info"].includes(d.severity));
    assert.ok(d.message.length > 0 && d.messageEn.length > 0);
  }
}

test("empty input: unreadable, coded", async () => {
  const r = await readDocument(new Uint8Array(0), { fileName: "x.txt" });
  assert.equal(r.value, null);
  assert.equal(r.diagnostics[0]?.code, "input.empty");
  const t = readText("");
  assert.equal(t.value, null);
  assert.equal(t.diagnostics[0]?.code, "text.no-projects");
});

test("binary garbage: unreadable, coded", async () => {
  const r = rng(1);
  const bytes = Uint8Array.from({ length: 4096 }, () => r.int(0, 255));
  const out = await readDocument(bytes, { fileName: "garbage.bin" });
  assert.equal(out.value, null);
  assert.equal(out.diagnostics[0]?.code, "input.binary");
});

test("a 50 MB single line: no crash, unreadable with a coded diagnostic", () => {
  const line = "退休人员体检费 ".repeat(Math.ceil((50 * 1024 * 1024) / 24));
  const out = readText(line);
  assert.equal(out.value, null);
  assert.ok(out.diagnostics.some((d) => d.code === "text.no-projects" && d.severity === "error"));
});

test("GBK bytes are detected and read the same as UTF-8", async () => {
  const gbk = iconv.encode(SEED_BYTES.toString("utf8"), "gbk");
  const out = await readDocument(gbk, { fileName: "seed-gbk.txt" });
  assert.ok(out.value);
  assert.ok(out.diagnostics.some((d) => d.code === "decode.gb18030"));
  const utf8 = await readDocument(SEED_BYTES, { fileName: "seed.txt" });
  assert.deepEqual(out.value, utf8.value);
});

test("truncated files give a partial result with the projects read so far", async () => {
  const text = SEED_BYTES.toString("utf8");
  const cut = text.slice(0, text.indexOf("呼市地区各级劳动模范荣誉津贴"));
  const out = readText(cut);
  assert.ok(out.value);
  assert.equal(out.value.projects.length, 2);
  // Truncated mid-character: still no crash.
  for (let n = 1; n < SEED_BYTES.length; n += 97) {
    const r = await readDocument(SEED_BYTES.subarray(0, n), { fileName: "cut.txt" });
    wellFormed(r.diagnostics);
  }
});

test("shuffled lines: no crash, every result well-formed", () => {
  const lines = SEED_BYTES.toString("utf8").split("\n");
  const r = rng(7);
  for (let i = 0; i < 200; i++) {
    const l = [...lines];
    for (let j = l.length - 1; j > 0; j--) {
      const k = r.int(0, j);
      [l[j], l[k]] = [l[k]!, l[j]!];
    }
    const out = readText(l.join("\n"));
    wellFormed(out.diagnostics);
    if (out.value) assert.ok(validateDocument(out.value).value, "schema-valid");
    else assert.ok(out.diagnostics.some((d) => d.severity === "error"));
  }
});

test("fuzz: 10,000 mutated inputs never crash and always yield a well-formed result", () => {
  const bases = [
    SEED_BYTES.toString("utf8"),
    printText(generateDepartment(3), 3),
    printText(generateDepartment(4, { layout: "cost-first-level-2021" }), 4),
  ];
  const r = rng(2024);
  const pieces = [
    "\t",
    "\n",
    " ",
    "正向",
    "定性",
    "大于等于",
    "≥",
    "%",
    "成本指标",
    "满意度指标",
    "151001-单位",
    "合计",
    "9",
    "",
    "项目名称\t一级指标\t三级指标\t分值\t指标性质",
    "\u0000",
    "\uFFFD",
  ];
  let documents = 0;
  for (let i = 0; i < 10000; i++) {
    let s = bases[i % bases.length]!;
    for (let m = r.int(1, 6); m > 0; m--) {
      const at = r.int(0, s.length);
      switch (r.int(0, 4)) {
        case 0: // delete a span
          s = s.slice(0, at) + s.slice(at + r.int(1, 200));
          break;
        case 1: // insert a piece
          s = s.slice(0, at) + r.pick(pieces) + s.slice(at);
          break;
        case 2: // duplicate a span
          s = s.slice(0, at) + s.slice(at, at + r.int(1, 300)) + s.slice(at);
          break;
        case 3: // replace a character
          s = s.slice(0, at) + String.fromCharCode(r.int(0, 0xffff)) + s.slice(at + 1);
          break;
        default:
          {
            // drop a line
            const ls = s.split("\n");
            ls.splice(r.int(0, ls.length - 1), 1);
            s = ls.join("\n");
          }
          break;
      }
    }
    const out = readText(s);
    wellFormed(out.diagnostics);
    if (out.value) {
      documents++;
      const v = validateDocument(out.value);
      assert.ok(v.value, `mutation ${i}: ${JSON.stringify(v.diagnostics[0])}`);
    } else
      assert.ok(
        out.diagnostics.some((d) => d.severity === "error"),
        `mutation ${i}: null without an error`,
      );
  }
  assert.ok(documents > 5000, `most mutations still read: ${documents}`);
});
