/**
 * "Did you mean …?" — closest ids by edit distance.
 *
 * Distance is the optimal-string-alignment Damerau–Levenshtein distance (insert, delete,
 * substitute, swap adjacent; Damerau 1964), computed case-insensitively so `h100` finds
 * `H100`. A candidate is kept when its distance is at most max(2, ⌈len/3⌉) — loose enough
 * for one or two typos, tight enough that unrelated ids stay out — or when one string
 * contains the other (`Llama3` → `Llama3_8B`).
 */

/** Optimal-string-alignment distance between a and b. */
export function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  // Three rolling rows: i-2, i-1, i.
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m];
}

function commonPrefix(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
}

/**
 * The candidates closest to `query`, best first: smaller distance, then longer shared
 * prefix, then alphabetical (contained ids rank among themselves by their true distance). At most `limit` are returned; none when nothing is close.
 */
export function closestMatches(query: string, candidates: Iterable<string>, limit = 3): string[] {
  const q = query.trim().toLowerCase();
  if (q.length === 0) return [];
  const threshold = Math.max(2, Math.ceil(q.length / 3));
  const scored: { id: string; d: number; raw: number; p: number }[] = [];
  for (const id of candidates) {
    const c = id.toLowerCase();
    const raw = editDistance(q, c);
    // Containment ("llama3" in "llama3_8b") counts as close whatever the length gap.
    const d = raw > threshold && q.length >= 3 && (c.includes(q) || q.includes(c)) ? threshold : raw;
    if (d <= threshold) scored.push({ id, d, raw, p: commonPrefix(q, c) });
  }
  scored.sort((x, y) => x.d - y.d || x.raw - y.raw || y.p - x.p || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return scored.slice(0, limit).map((s) => s.id);
}
