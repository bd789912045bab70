/**
 * A seeded, deterministic draw of a 抽评 sample (issue 17 item 2): the same ids, count and seed
 * give the same sample on every machine and in every order the ids are listed. The seed text is
 * hashed (FNV-1a, 32 bits, over its UTF-8 bytes) into the state of mulberry32, a small public-domain
 * PRNG; a partial Fisher–Yates shuffle of the sorted distinct ids picks `count` of them. Not for
 * secrecy: anyone with the seed can repeat the draw, which is the point (the draw is auditable).
 */

/** FNV-1a over the UTF-8 bytes of a text, 32 bits. */
export function seedHash(seed: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(seed)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * mulberry32: a generator of numbers in [0, 1) from a 32-bit state.
 * @example mulberry32(1)() // 0.6270739405881613
 */
export function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Draws `count` distinct ids (all of them when there are fewer), sorted ascending. Duplicate ids
 * count once; a count below 1 (or not a number) draws none; a fraction is rounded down.
 * @example drawSample([1, 2, 3, 4, 5], 2, "2026 抽评").length // 2
 */
export function drawSample(ids: readonly number[], count: number, seed: string): number[] {
  const pool = [...new Set(ids)].sort((a, b) => a - b);
  const k = Number.isFinite(count) ? Math.max(0, Math.min(pool.length, Math.floor(count))) : 0;
  const next = mulberry32(seedHash(seed));
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(next() * (pool.length - i));
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  return pool.slice(0, k).sort((a, b) => a - b);
}
