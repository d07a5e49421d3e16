/**
 * The golden conformance cases (test/fixtures/golden/cases.json, a copy of the project's
 * shared cases; see README.md beside it) and a tolerance-aware comparison.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

export interface GoldenCase {
  readonly id: string;
  readonly wall: readonly string[];
  readonly kind: 'formula' | 'scenario';
  readonly inputs: Record<string, unknown>;
  readonly expected: Record<string, unknown>;
  readonly expected_unnamed?: Record<string, unknown>;
  readonly expected_board?: Record<string, unknown>;
  readonly tolerance_rel: number;
  readonly derivation: string;
  readonly notes?: string;
  readonly origin: string;
}

let cache: GoldenCase[] | undefined;

export function goldenCases(): GoldenCase[] {
  if (!cache) {
    const url = new URL('../fixtures/golden/cases.json', import.meta.url);
    cache = (JSON.parse(readFileSync(url, 'utf8')) as { cases: GoldenCase[] }).cases;
  }
  return cache;
}

export function goldenCase(id: string): GoldenCase {
  const c = goldenCases().find((x) => x.id === id);
  if (!c) throw new Error(`no golden case ${id}`);
  return c;
}

/** Cases that touch any of the given walls ("1", "A", "T3.3", …). */
export function casesForWalls(...walls: string[]): GoldenCase[] {
  return goldenCases().filter((c) => c.wall.some((w) => walls.includes(w)));
}

/** |got − want| ≤ tol·|want| (≤ tol when want = 0); strings and booleans exactly; null = +∞. */
export function expectClose(got: unknown, want: unknown, tol: number, label = ''): void {
  if (want === null) {
    expect(got, label).toBe(Infinity);
    return;
  }
  if (typeof want === 'number') {
    expect(typeof got, `${label}: expected a number, got ${String(got)}`).toBe('number');
    const g = got as number;
    const bound = want === 0 ? tol : tol * Math.abs(want);
    expect(Math.abs(g - want), `${label}: got ${g}, want ${want} (tol ${tol})`).toBeLessThanOrEqual(bound);
    return;
  }
  expect(got, label).toEqual(want);
}
