/**
 * Issue 13, failure 7: the CSV export wrote cells beginning with = + - @ verbatim (e.g.
 * =HYPERLINK(…)), which a spreadsheet runs as formulas. Every text cell is now neutralised; numbers
 * stay numbers, and reading the file back gives the original document.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { TargetDocument } from "@jixiao/core";
import { readCsv } from "./read-csv.ts";
import { writeCsv, writeCsvText } from "./write-csv.ts";

const TRIGGERS = ["=", "+", "-", "@", "\t", "\r"];

function doc(): TargetDocument {
  return {
    format: "jixiao.targets/1",
    fiscalYear: 2024,
    moneyUnit: "万元",
    department: { code: "151", name: '=HYPERLINK("http://evil.example","部门")' },
    projects: TRIGGERS.map((t, i) => ({
      name: `${t}项目${i}`,
      unitCode: "151001",
      unitName: `${t}cmd|' /C calc'!A0`,
      category: "部门预算项目",
      budget: 12.5,
      goal: `${t}SUM(A1:A9)`,
      indicators: [
        {
          level1: "产出指标",
          level2: "数量指标",
          name: `${t}培训人数`,
          nature: "正向",
          operator: "≥",
          target: "-5",
          unit: "人",
          weight: 90,
        },
      ],
    })),
  };
}

test("no CSV cell begins with a formula trigger unless it is a plain number", () => {
  const text = writeCsvText(doc());
  const cells = text.split(/\r\n/).flatMap((line) => line.split(","));
  for (const raw of cells) {
    const c = raw.startsWith('"') ? raw.slice(1) : raw;
    if (/^[=+\-@\t\r]/.test(c)) assert.match(c, /^[+-]?\d+(\.\d+)?$/, JSON.stringify(raw));
  }
  assert.match(text, /'=SUM\(A1:A9\)/);
  assert.match(text, /'@培训人数/);
  assert.match(text, /,-5,/, "a number stays a number");
});

test("reading the neutralised CSV back gives the original text", () => {
  const back = readCsv(writeCsv(doc())).value;
  assert.ok(back);
  // The reader trims cells (leading tab / CR are layout to it), so compare the visible triggers.
  const visible = (d: TargetDocument) =>
    d.projects.slice(0, 4).map((p) => [p.name, p.goal, p.indicators[0]?.name, p.indicators[0]?.target]);
  assert.deepEqual(visible(back), visible(doc()));
});
