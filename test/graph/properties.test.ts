/**
 * Property tests on random DAGs (up to 500 cells) and random edit sequences, checked
 * against a from-scratch reference evaluator written independently of the engine.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CellDef, type CellValue, fail, formatQuantity, GraphDefinitionError, LiveGraph, parseQuantity, sameValue,
  validateDefinitions,
} from '../../src/graph/index.js';
import { calc, num } from './cells.js';

/** One cell of a random DAG: an input, or a derived cell reading earlier cells. */
interface Spec {
  readonly input: boolean;
  /** Indices of earlier cells, in declared order (repeats allowed: x · x). */
  readonly reads: readonly number[];
  readonly salt: number;
  readonly start: number;
}
interface Dag {
  readonly specs: readonly Spec[];
  readonly seed: number;
}

const DOMAIN = { kind: 'number', min: 0, max: 1000, integer: true } as const;
const idOf = (i: number): string => `p.c${i}`;

/**
 * The rule every derived cell follows: r = (Σ (j+1)·v_j + salt) mod 1009; it fails with
 * no_solution when r mod 50 = 7 and returns NaN (a numeric error) when r mod 50 = 13.
 */
function rule(values: readonly number[], salt: number): number {
  return (values.reduce((acc, v, j) => acc + (j + 1) * v, 0) + salt) % 1009;
}

function toDefs(specs: readonly Spec[]): CellDef[] {
  return specs.map((s, i) =>
    s.input
      ? num(idOf(i), s.start, DOMAIN)
      : calc(idOf(i), s.reads.map(idOf), (...v) => {
          const r = rule(v, s.salt);
          if (r % 50 === 7) return fail('no_solution', `no solution at ${r}`);
          return r % 50 === 13 ? Number.NaN : r;
        }),
  );
}

/** Deterministic Fisher–Yates, so the engine never sees the cells already sorted. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const dagArb: fc.Arbitrary<Dag> = fc.integer({ min: 2, max: 500 }).chain((n) =>
  fc.record({
    specs: fc
      .array(
        fc.record({
          kind: fc.nat({ max: 9 }),
          picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
          salt: fc.nat({ max: 1008 }),
          start: fc.integer({ min: 0, max: 1000 }),
        }),
        { minLength: n, maxLength: n },
      )
      .map((raw) =>
        raw.map((r, i): Spec => ({
          input: i === 0 || r.kind < 3, // about 30 % inputs
          reads: i === 0 || r.kind < 3 ? [] : r.picks.map((p) => p % i),
          salt: r.salt,
          start: r.start,
        })),
      ),
    seed: fc.nat(),
  }),
);

type Ref = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly kind: string; readonly root: string };

/** From-scratch evaluation in index order (which is topological by construction). */
function reference(specs: readonly Spec[], raw: ReadonlyMap<number, number>): Ref[] {
  const out: Ref[] = [];
  specs.forEach((s, i) => {
    if (s.input) {
      const v = raw.get(i) ?? s.start;
      const valid = Number.isInteger(v) && v >= 0 && v <= 1000;
      out.push(valid ? { ok: true, value: v } : { ok: false, kind: 'invalid_input', root: idOf(i) });
      return;
    }
    const ins = s.reads.map((j) => out[j]);
    const blocker = ins.find((x) => !x.ok);
    if (blocker && !blocker.ok) {
      out.push({ ok: false, kind: 'upstream', root: blocker.root });
      return;
    }
    const r = rule(ins.map((x) => (x.ok ? x.value : 0)), s.salt);
    if (r % 50 === 7) out.push({ ok: false, kind: 'no_solution', root: idOf(i) });
    else if (r % 50 === 13) out.push({ ok: false, kind: 'numeric', root: idOf(i) });
    else out.push({ ok: true, value: r });
  });
  return out;
}

/** Cells whose engine value disagrees with the reference (or that hold NaN). */
function mismatches(snap: ReadonlyMap<string, CellValue>, ref: readonly Ref[]): string[] {
  const bad: string[] = [];
  ref.forEach((r, i) => {
    const v = snap.get(idOf(i))!;
    if (v.ok && typeof v.value === 'number' && Number.isNaN(v.value)) bad.push(`${idOf(i)} holds NaN`);
    else if (r.ok ? !v.ok || v.value !== r.value : v.ok || v.error.kind !== r.kind || v.error.root !== r.root) {
      bad.push(idOf(i));
    } else if (!r.ok && r.kind === 'upstream' && !v.ok && !v.error.message.startsWith(`blocked by ${r.root}: `)) {
      bad.push(`${idOf(i)} message`);
    }
  });
  return bad;
}

/** The downstream cone of `starts` (excluding them), by walking readers. */
function coneOf(specs: readonly Spec[], starts: readonly number[]): string[] {
  const readers = specs.map(() => [] as number[]);
  specs.forEach((s, i) => s.reads.forEach((j) => readers[j].push(i)));
  const seen = new Set<number>();
  const stack = starts.flatMap((i) => readers[i]);
  while (stack.length) {
    const x = stack.pop()!;
    if (seen.has(x)) continue;
    seen.add(x);
    stack.push(...readers[x]);
  }
  return [...seen].sort((a, b) => a - b).map(idOf);
}

const editsArb = fc.array(
  fc.array(
    fc.record({
      which: fc.nat(),
      value: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: -3, max: 1003 }), fc.constant(2.5)),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  { minLength: 1, maxLength: 6 },
);

describe('random DAGs and edit sequences', () => {
  it('after each edit the recomputed set is the downstream cone and every value equals a from-scratch evaluation', () => {
    fc.assert(
      fc.property(dagArb, editsArb, ({ specs, seed }, edits) => {
        const defs = toDefs(specs);
        const g = new LiveGraph(shuffled(defs, seed));
        const inputs = specs.flatMap((s, i) => (s.input ? [i] : []));
        const raw = new Map<number, number>();
        expect(mismatches(g.snapshot(), reference(specs, raw))).toEqual([]);
        for (const edit of edits) {
          g.resetEvaluationCounts();
          const changes: Record<string, number> = {};
          const touched = new Set<number>();
          for (const { which, value } of edit) {
            const i = inputs[which % inputs.length];
            changes[idOf(i)] = value;
            raw.set(i, value);
            touched.add(i);
          }
          if (touched.size === 1) g.set(Object.keys(changes)[0], Object.values(changes)[0]);
          else g.setMany(changes);
          const snap = g.snapshot();
          const cone = coneOf(specs, [...touched]);
          const counts = g.evaluationCounts();
          const recomputed = [...counts].filter(([, n]) => n > 0).map(([id]) => id);
          expect(new Set(recomputed)).toEqual(new Set(cone));
          expect(recomputed.filter((id) => counts.get(id) !== 1)).toEqual([]);
          for (const i of touched) expect(new Set(g.topology.downstream(idOf(i)))).toEqual(new Set(coneOf(specs, [i])));
          expect(mismatches(snap, reference(specs, raw))).toEqual([]);
        }
        // A new graph given the exported overrides (through JSON) agrees cell by cell.
        const fresh = new LiveGraph(defs);
        fresh.importOverrides(JSON.parse(JSON.stringify(g.overrides())));
        expect(defs.filter((d) => !sameValue(fresh.get(d.id), g.get(d.id))).map((d) => d.id)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('upstream and downstream cones mirror each other: y ∈ downstream(x) ⇔ x ∈ upstream(y)', () => {
    fc.assert(
      fc.property(dagArb, fc.nat(), ({ specs, seed }, pick) => {
        const t = new LiveGraph(shuffled(toDefs(specs), seed)).topology;
        const x = idOf(pick % specs.length);
        for (const y of t.downstream(x)) expect(t.upstream(y)).toContain(x);
        for (const w of t.upstream(x)) expect(t.downstream(w)).toContain(x);
        for (const id of t.ids) for (const i of t.inputsOf(id)) expect(t.rankOf(i)).toBeLessThan(t.rankOf(id));
      }),
      { numRuns: 50 },
    );
  });

  it('a cycle is always reported, and the error names a real cycle path a → b → … → a', () => {
    fc.assert(
      fc.property(dagArb, fc.nat(), fc.nat(), ({ specs, seed }, pickD, pickU) => {
        const derivedIdx = specs.flatMap((s, i) => (s.input ? [] : [i]));
        fc.pre(derivedIdx.length > 0);
        const d = derivedIdx[pickD % derivedIdx.length];
        // Derived cells upstream of d, and d itself (giving a self-loop).
        const up = new Set<number>([d]);
        const stack = [d];
        while (stack.length) {
          for (const j of specs[stack.pop()!].reads) {
            if (up.has(j) || specs[j].input) continue;
            up.add(j);
            stack.push(j);
          }
        }
        const ups = [...up];
        const u = ups[pickU % ups.length];
        // u now also reads d, closing the loop d → … → u → d.
        const looped = specs.map((s, i) => (i === u ? { ...s, reads: [...s.reads, d] } : s));
        const defs = shuffled(toDefs(looped), seed);
        let err: unknown;
        try {
          validateDefinitions(defs);
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(GraphDefinitionError);
        const e = err as GraphDefinitionError;
        const cycle = e.cycle!;
        expect(cycle.length).toBeGreaterThanOrEqual(2);
        expect(cycle[0]).toBe(cycle[cycle.length - 1]);
        expect(new Set(cycle.slice(0, -1)).size).toBe(cycle.length - 1);
        const inputsOf = new Map(defs.map((x) => [x.id, x.kind === 'derived' ? x.reads : []]));
        for (let k = 0; k + 1 < cycle.length; k++) expect(inputsOf.get(cycle[k + 1])).toContain(cycle[k]);
        expect(e.message).toBe(`cycle: ${cycle.join(' → ')}`);
        expect(e.cell).toBe(cycle[0]);
        expect(() => new LiveGraph(defs)).toThrow(GraphDefinitionError);
      }),
      { numRuns: 100 },
    );
  });
});

describe('formatting and parsing', () => {
  it('parseQuantity reads back what formatQuantity wrote, to within its four digits', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-9, max: 1e20, noNaN: true }),
        fc.constantFrom('B', 'B/s', 'FLOP/s', 'J', 'W'),
        (v, unit) => {
          const back = parseQuantity(formatQuantity(v, unit), unit);
          expect(Math.abs(back - v)).toBeLessThanOrEqual(5e-4 * v);
        },
      ),
      { numRuns: 300 },
    );
  });
});
