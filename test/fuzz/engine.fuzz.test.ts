/**
 * Engine fuzz: every input cell of an inference and a training scenario, given NaN, ±∞,
 * negative, zero, huge, fractional, text, boolean and null values. The engine never throws,
 * no cell ever holds NaN, and every refusal names the cell and its allowed range.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeDomain, type LiveGraph, type Plain } from '../../src/graph/index.js';
import { buildScenario } from '../../src/scenario/index.js';

const SCENARIOS = [
  { name: 'inference (Llama3_8B on H100)', runs: 5000, scenario: { model: 'Llama3_8B', hardware: 'H100' } },
  {
    name: 'training (Llama3_70B on Frontier_8K)', runs: 5000,
    scenario: { model: 'Llama3_70B', hardware: 'H100', system: 'Frontier_8K', mode: 'training', layout: 'given', ops: { duration_days: 14 } },
  },
];

const hostile: fc.Arbitrary<Plain> = fc.oneof(
  fc.constantFrom<Plain>(Number.NaN, Infinity, -Infinity, -1, -0, 0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 5e-324, 0.5, 2.5, 1.0000001, null, true, false, '', 'nonsense', '12', 'NaN', 'fp16', ' BF16 '),
  fc.double(),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.string({ maxLength: 12 }),
);

/**
 * The first cell holding NaN (undefined when none does). A compute that produced NaN from
 * accepted inputs holds a `numeric` error instead, which the engine allows; those are
 * collected in `nanErrors` (cell ← the edit) so the physics owners can see them.
 */
function noNaN(g: LiveGraph, edit: string, nanErrors: Map<string, string>): string | undefined {
  for (const id of g.topology.ids) {
    const v = g.get(id);
    if (v.ok && typeof v.value === 'number' && Number.isNaN(v.value)) return id;
    if (!v.ok && v.error.kind === 'numeric' && v.error.message.includes('(NaN)') && !nanErrors.has(id)) nanErrors.set(id, edit);
  }
  return undefined;
}

describe('engine fuzz: hostile values in every input cell', () => {
  for (const s of SCENARIOS) {
    it(`${s.name}: never throws, never NaN, refusals name the cell and the allowed range (${s.runs} runs)`, () => {
      const g = buildScenario(s.scenario).graph;
      const inputs = g.topology.inputIds;
      const nanErrors = new Map<string, string>();
      fc.assert(
        fc.property(fc.constantFrom(...inputs), hostile, fc.constantFrom(...inputs), hostile, (id, v, id2, v2) => {
          const saved = { [id]: g.rawInput(id), [id2]: g.rawInput(id2) };
          try {
            const [o] = g.setMany(id === id2 ? { [id]: v } : { [id]: v, [id2]: v2 });
            const def = g.def(id);
            if (!o.ok) {
              expect(o.message).toContain(id);
              if (def.kind === 'input') expect(o.message).toContain(describeDomain(def.domain));
              const cell = g.get(id);
              expect(cell.ok).toBe(false);
            }
            expect(noNaN(g, `${id}=${String(v)}, ${id2}=${String(v2)}`, nanErrors)).toBeUndefined();
          } finally {
            g.setMany(saved);
          }
        }),
        { numRuns: s.runs },
      );
      if (nanErrors.size) console.warn(`${s.name}: cells that computed NaN (held as numeric errors):\n${[...nanErrors].map(([c, e]) => `  ${c} ← ${e}`).join('\n')}`);
    }, 60_000);
  }
});
