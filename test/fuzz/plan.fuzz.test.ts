/**
 * Plan loader fuzz: malformed plan documents (random YAML/JSON text, random structures,
 * mutations of a valid plan) either load or throw ScenarioInputError with a message — never
 * another error type.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadPlan, ScenarioInputError } from '../../src/scenario/index.js';
import { loadPlanText } from '../../src/scenario/yaml-text.js';
import { EXAMPLE } from '../cli/helpers.js';

const example = readFileSync(EXAMPLE, 'utf8');

function loadsOrRefuses(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    expect(e, String(e instanceof Error ? e.stack : e)).toBeInstanceOf(ScenarioInputError);
    expect((e as Error).message.length).toBeGreaterThan(0);
  }
}

const leaf = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1e308, Number.NaN, Infinity, '', 'H100', 'Llama3_70B', 'bf16', '50 ms', '1.0', 'performance.latency'),
  fc.double(), fc.integer(), fc.string({ maxLength: 10 }),
);
const KEYS = ['version', 'name', 'workload', 'hardware', 'ops', 'constraints', 'assert', 'metric', 'max', 'min', 'batch_size', 'node_count', 'accelerators_per_node', 'precision', 'efficiency', 'region', 'duration_days', 'seq_len', '__proto__', 'constructor'];
const doc = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('object'), fc.array(tie('value'), { maxLength: 3 })),
  object: fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 6 })), tie('value'), { maxKeys: 5 }),
})).object;

/** The example plan with one field replaced by a random value. */
const mutated = fc.tuple(fc.constantFrom('workload', 'hardware', 'ops', 'constraints', 'version', 'name'), fc.option(fc.constantFrom('name', 'batch_size', 'node_count', 'accelerators_per_node', 'precision', 'efficiency', 'region', 'duration_days', 'assert')), leaf)
  .map(([section, field, v]) => {
    const base = { version: '1.0', name: 'x', workload: { name: 'Llama3_70B', batch_size: 4096 }, hardware: { name: 'H100', node_count: 8, accelerators_per_node: 8, precision: 'bf16', efficiency: 0.5 }, ops: { region: 'Quebec', duration_days: 14 }, constraints: { assert: [{ metric: 'performance.latency', max: 50 }] } } as Record<string, unknown>;
    if (field === null) base[section] = v;
    else base[section] = { ...(base[section] as object), [field]: v };
    return base;
  });

describe('plan loader fuzz: malformed documents', () => {
  it('random text: loads or throws ScenarioInputError', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('{', '[', ': :', '- - -', 'a: [1, 2', '\t x: 1', '%YAML 9', '&a [*a]', '!!binary x', 'a: *b')), (t) => loadsOrRefuses(() => loadPlanText(t))), { numRuns: 600 });
  });
  it('truncated and spliced copies of a valid plan: loads or throws ScenarioInputError', () => {
    fc.assert(fc.property(fc.nat(example.length), fc.nat(example.length), fc.string({ maxLength: 8 }), (a, b, ins) => {
      loadsOrRefuses(() => loadPlanText(example.slice(0, Math.min(a, b)) + ins + example.slice(Math.max(a, b))));
    }), { numRuns: 600 });
  });
  it('random structures, as data and as YAML text: loads or throws ScenarioInputError', () => {
    fc.assert(fc.property(doc, (d) => {
      loadsOrRefuses(() => loadPlan(d));
      loadsOrRefuses(() => loadPlanText(stringify(d)));
    }), { numRuns: 600 });
  });
  it('a valid plan with one field replaced: loads or throws ScenarioInputError', () => {
    fc.assert(fc.property(mutated, (d) => {
      loadsOrRefuses(() => loadPlan(d));
      loadsOrRefuses(() => loadPlanText(JSON.stringify(d)));
    }), { numRuns: 600 });
  });
});
