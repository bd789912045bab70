/**
 * Scoring's JSON, pinned: JSON.stringify(scoreDocument(doc, policy)) on the worked example
 * (examples/self-eval-seed.json) and on the edge corpus (testing/edge-corpus.ts), under every
 * preset and two uneven policies, must hash to what testing/score-golden.json records — one
 * hash per project, so a failure names the first project that changed. The golden was taken
 * before scoring moved onto one exact number type (model/exact.ts) and guards that no output
 * byte moved. Regenerate it only for an intended change of output:
 * `JIXIAO_UPDATE_GOLDEN=1 npm test -- score-golden`.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { test } from "node:test";
import type { TargetDocument } from "../model/document.ts";
import { SCORING_PRESETS, type ScoringPolicy } from "./policy.ts";
import { scoreDocument } from "./score-project.ts";
import { EDGE_POLICIES, edgeCorpus } from "./testing/edge-corpus.ts";

const GOLDEN = new URL("./testing/score-golden.json", import.meta.url);
const example = JSON.parse(
  readFileSync(new URL("../../../../examples/self-eval-seed.json", import.meta.url), "utf8"),
) as TargetDocument;

const CORPORA: Record<string, () => TargetDocument> = {
  "self-eval-seed": () => structuredClone(example),
  "edge-1": () => edgeCorpus(1, 200),
  "edge-2": () => edgeCorpus(2, 200),
};
const POLICIES: ScoringPolicy[] = [...Object.values(SCORING_PRESETS), ...EDGE_POLICIES];

const hash = (text: string) => createHash("sha256").update(text).digest("hex");

/** The whole output's hash and a short hash per project. */
function fingerprint(doc: TargetDocument, policy: ScoringPolicy): { sha256: string; projects: string } {
  const result = scoreDocument(doc, policy);
  const text = JSON.stringify(result);
  const projects = result.projects.map((p) => hash(JSON.stringify(p)).slice(0, 10)).join(" ");
  return { sha256: hash(text), projects };
}

test("scoring JSON is byte-identical to the golden on the worked example and the edge corpus", () => {
  const got: Record<string, { sha256: string; projects: string }> = {};
  for (const [name, make] of Object.entries(CORPORA)) {
    for (const policy of POLICIES) got[`${name}/${policy.name}`] = fingerprint(make(), policy);
  }
  if (process.env.JIXIAO_UPDATE_GOLDEN === "1") {
    writeFileSync(GOLDEN, `${JSON.stringify(got, null, 2)}\n`);
    return;
  }
  const want = JSON.parse(readFileSync(GOLDEN, "utf8")) as typeof got;
  assert.deepEqual(Object.keys(got), Object.keys(want));
  for (const key of Object.keys(want)) {
    if (got[key]!.sha256 === want[key]!.sha256) continue;
    const a = got[key]!.projects.split(" ");
    const b = want[key]!.projects.split(" ");
    const first = a.findIndex((h, i) => h !== b[i]);
    assert.fail(`${key}: scoring output changed, first at project ${first} (of ${b.length})`);
  }
});
