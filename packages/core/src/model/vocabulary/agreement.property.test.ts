// Property: for any target cell, the review (rules/facts.ts) and scoring read the same
// operator, number and unit as the vocabulary's cell grammar — and so does readIndicatorCells,
// the row reader the importers in @jixiao/formats share.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { indicatorFacts } from "../../rules/facts.ts";
import { toIndicatorUnit } from "../../scoring/index.ts";
import type { Indicator } from "../document.ts";
import { parseTargetCell } from "./cell-grammar.ts";
import { readIndicatorCells } from "./indicator-cells.ts";
import { OPERATOR_SPELLINGS, OPERATOR_SUFFIXES } from "./operators.ts";

const digits = fc.stringMatching(/^[0-9]{1,7}$/);
/** A number as offices print it: plain, with separators, with decimals, full-width. */
const printedNumber = fc
  .tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.option(fc.stringMatching(/^[0-9]{1,3}$/)), fc.nat(3))
  .map(([int, frac, style]) => {
    let s = String(int);
    if (style === 1) s = int.toLocaleString("en-US");
    const withFrac = frac === null ? s : `${s}.${frac}`;
    return style === 2 ? withFrac.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : withFrac;
  });
const space = fc.constantFrom("", "", " ", "\u3000");
const unit = fc.constantFrom(
  "",
  "",
  "%",
  "％",
  "百分比",
  "人",
  "万元",
  "元",
  "天",
  "个月",
  "年",
  "次",
  "平方米",
  "元/人",
);
/** A cell built from the grammar's parts, spaced as a line wrap may leave it. */
const grammarCell = fc
  .tuple(
    fc.constantFrom("", ...OPERATOR_SPELLINGS.keys()),
    space,
    printedNumber,
    space,
    unit,
    fc.constantFrom("", "", ...OPERATOR_SUFFIXES.map(([s]) => s)),
  )
  .map((parts) => parts.join(""));
/** Cells that are not quantities: dates, deadlines, words, ranges. */
const otherCell = fc.oneof(
  fc.constantFrom(
    "2023年12月底前",
    "2024年12月前完成",
    "12月底前",
    "2024-12-31",
    "有效保障",
    "不超预算",
    "90%-100%",
    "",
    "≥",
    "达到",
  ),
  fc
    .tuple(digits, fc.constantFrom("年", "年12月", "月底前", "月30日前"))
    .map(([d, s]) => `20${d.slice(0, 2).padStart(2, "0")}${s}`),
  fc.string({ maxLength: 10 }),
);
const anyCell = fc.oneof(grammarCell, grammarCell, otherCell);

function indicator(target: string, u: string | null): Indicator {
  return {
    level1: "产出指标",
    level2: "数量指标",
    name: "x",
    nature: "正向",
    operator: null,
    target,
    unit: u,
    weight: 10,
  };
}

test("the review reads every target cell as the vocabulary does", () => {
  fc.assert(
    fc.property(anyCell, fc.constantFrom(null, "%", "人", "万元", "百分比"), (cell, u) => {
      const grammar = parseTargetCell(cell);
      const facts = indicatorFacts(indicator(cell, u));
      assert.equal(facts.cell.kind, grammar.kind);
      assert.equal(facts.cell.operator, grammar.operator);
      assert.equal(facts.cell.number?.text ?? null, grammar.number?.text ?? null);
      assert.equal(facts.cell.unit, grammar.unit);
      // The review's number is the grammar's whenever the units allow it.
      const own = u === "百分比" ? "%" : (u ?? "");
      const counts = grammar.number !== null && (grammar.unit === null || grammar.unit === own || grammar.unit === "%");
      assert.equal(facts.num, counts ? grammar.number!.value : null);
    }),
    { numRuns: 2000 },
  );
});

test("the importers' row reader (readIndicatorCells) reads every target cell as the vocabulary does", () => {
  fc.assert(
    fc.property(anyCell, (cell) => {
      const grammar = parseTargetCell(cell);
      const row = readIndicatorCells({ target: cell });
      if (grammar.number !== null) {
        assert.equal(row.operator, grammar.operator);
        assert.equal(row.target, grammar.number.text);
        assert.equal(row.unit, grammar.unit);
        assert.equal(row.nature, grammar.operator === "≤" || grammar.operator === "<" ? "反向" : "正向");
      } else {
        assert.equal(row.target, cell.trim());
        assert.equal(row.nature, "定性");
      }
    }),
    { numRuns: 2000 },
  );
});

/** A unit no generated cell prints: scoring must report the cell's own unit against it. */
const OTHER_UNIT = "件";

/**
 * Scoring's reading of a cell (through its public toIndicatorUnit), next to the vocabulary's;
 * null when they agree. Number: read in its own unit, the same value; its unit: reported as
 * the unit that does not convert to another one. Not a number: not numeric for scoring either.
 */
function scoringDisagreement(cell: string): string | null {
  const grammar = parseTargetCell(cell);
  const want = grammar.number === null ? null : { value: grammar.number.text, unit: grammar.unit };
  const own = toIndicatorUnit(cell, grammar.unit);
  const other = toIndicatorUnit(cell, OTHER_UNIT);
  let got: { value: string; unit: string | null } | null = null;
  if (own.ok) got = { value: String(own.value), unit: other.ok ? null : other.reason === "unit" ? other.from : "?" };
  const same =
    (want === null && got === null) ||
    (want !== null && got !== null && Number(want.value) === Number(got.value) && want.unit === got.unit);
  return same ? null : `${JSON.stringify(cell)}: vocabulary ${JSON.stringify(want)}, scoring ${JSON.stringify(got)}`;
}

// Scoring reads cells through the vocabulary (core/src/scoring/quantity.ts). The spellings of
// issue 10 are checked by name first, so a disagreement lists the cells read differently.
test("scoring reads every target cell as the vocabulary does", () => {
  // Spellings of issue 10 (operator inside the target, suffixes, dates); all must agree.
  const seen: string[] = [];
  for (const cell of [
    "≥95%",
    "＞＝95",
    "95%以上",
    "≥100百分比",
    "不低于95%",
    "3天以内",
    "2024年",
    "12月底前",
    "1,000",
    "≤65万元",
  ]) {
    const d = scoringDisagreement(cell);
    if (d) seen.push(d);
  }
  assert.deepEqual(seen, [], "cells scoring reads differently");
  fc.assert(
    fc.property(anyCell, (cell) => {
      const d = scoringDisagreement(cell);
      assert.equal(d, null);
    }),
    { numRuns: 2000 },
  );
});
