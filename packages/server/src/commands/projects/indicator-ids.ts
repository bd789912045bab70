/** Stable indicator ids: every row of a stored table has one, unique within its project. */
import { randomBytes } from "node:crypto";
import type { Project } from "@jixiao/core";

/**
 * The table with an id on every indicator: kept when present and unique, new otherwise.
 * @example withIndicatorIds(p).indicators.every((i) => i.id) // true
 */
export function withIndicatorIds(p: Project): Project {
  const seen = new Set<string>();
  let changed = false;
  const indicators = p.indicators.map((ind) => {
    if (ind.id && !seen.has(ind.id)) {
      seen.add(ind.id);
      return ind;
    }
    changed = true;
    let id: string;
    do id = `i${randomBytes(6).toString("base64url")}`;
    while (seen.has(id));
    seen.add(id);
    return { ...ind, id };
  });
  return changed ? { ...p, indicators } : p;
}
