import assert from "node:assert/strict";
import { test } from "node:test";
import { tsvRuns } from "./ocr-preamble.ts";

const head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";
const word = (line: number, left: number, width: number, conf: number, text: string) =>
  `5\t1\t1\t1\t${line}\t1\t${left}\t100\t${width}\t40\t${conf}\t${text}`;

test("words of a recognised line become runs at their place: CJK joined, split at wide gaps, least sure word decides", () => {
  const tsv = [
    head,
    word(1, 10, 40, 95, "部门"),
    word(1, 52, 40, 60, "：573"),
    word(1, 400, 40, 91, "年度"),
    word(1, 442, 80, 93, "2024"),
  ].join("\n");
  const runs = tsvRuns(tsv, { x0: 100, y0: 50, ptPerPx: 0.1, margin: 10 });
  assert.deepEqual(
    runs.map((r) => [r.run.str, r.conf]),
    [
      ["部门：573", 60],
      ["年度2024", 91],
    ],
  );
  const first = runs[0]!.run;
  assert.equal(first.x, 100);
  assert.equal(first.y, 50 + 13);
  assert.ok(Math.abs(first.w - 8.2) < 1e-9);
  assert.equal(first.size, 4);
});
