import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  EntryValidationError, parseValidationSet, validationCases, validationSet, VALIDATION_CATEGORIES,
} from '../../src/registry/index.js';

const rawSet = (): { cases: Record<string, unknown>[] } & Record<string, unknown> =>
  JSON.parse(readFileSync(new URL('../../src/registry/data/validation.json', import.meta.url), 'utf8'));

/** A minimal well-formed case (values are placeholders for the schema, not measurements). */
function aCase(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'example-case', title: 'Example', category: 'training', split: 'tune',
    source: { title: 'A paper', url: 'https://example.org/paper', kind: 'paper' },
    locator: 'Table 1',
    configuration: { model: 'M', device: 'D', count: 1, precision: 'bf16' },
    measured: { quantity: 'training_mfu', value: 0.5, published: '50%' },
    scenario: { model: 'Llama3_8B', hardware: 'H100' },
    ...over,
  };
}

const setOf = (...cases: Record<string, unknown>[]) => ({ schema_version: 1, description: 'd', split_method: 's', cases });

function problemsOf(data: unknown): string[] {
  try {
    parseValidationSet(data);
  } catch (e) {
    if (e instanceof EntryValidationError) return [...e.problems];
    throw e;
  }
  return [];
}

describe('the validation set schema', () => {
  it('accepts a case with source, locator, configuration and measurement', () => {
    expect(problemsOf(setOf(aCase()))).toEqual([]);
  });

  it('rejects a case without a source, naming the field', () => {
    const { source: _drop, ...noSource } = aCase();
    expect(problemsOf(setOf(noSource))).toEqual(['validation.cases[0].source must be an object with fields (got nothing)']);
  });

  it('rejects a case without a locator, and one whose locator is blank', () => {
    const { locator: _drop, ...noLocator } = aCase();
    expect(problemsOf(setOf(noLocator))).toEqual([expect.stringMatching(/^validation\.cases\[0\]\.locator is required/)]);
    expect(problemsOf(setOf(aCase({ locator: '   ' })))).toEqual(['validation.cases[0].locator must not be empty']);
  });

  it('rejects a source without a URL or with one that is not http(s)', () => {
    expect(problemsOf(setOf(aCase({ source: { title: 'A paper', kind: 'paper' } })))).toEqual([expect.stringMatching(/source\.url is required/)]);
    expect(problemsOf(setOf(aCase({ source: { title: 'A paper', url: 'Table 2', kind: 'paper' } })))).toEqual(['validation.cases[0].source.url must be an http(s) URL']);
  });

  it('requires a split on a measured case and refuses one on an identity case', () => {
    const { split: _drop, ...noSplit } = aCase();
    expect(problemsOf(setOf(noSplit))).toEqual([expect.stringMatching(/split is required \(one of tune, holdout\) for a training case/)]);
    expect(problemsOf(setOf(aCase({ category: 'identity' })))).toEqual([expect.stringMatching(/split must be absent for an identity case/)]);
  });

  it('refuses an unknown quantity, a non-positive measurement, unknown fields and repeated ids', () => {
    expect(problemsOf(setOf(aCase({ measured: { quantity: 'speed', value: 1, published: '1' } })))[0]).toMatch(/measured\.quantity must be one of training_mfu/);
    expect(problemsOf(setOf(aCase({ measured: { quantity: 'ttft', value: 0, published: '0 ms' } })))[0]).toMatch(/measured\.value must be a number > 0 \(got 0\)/);
    expect(problemsOf(setOf(aCase({ loctor: 'x' })))[0]).toMatch(/unknown field 'loctor' \(did you mean 'locator'\?\)/);
    expect(problemsOf(setOf(aCase(), aCase()))).toEqual(["validation.cases[1].id repeats the id 'example-case'"]);
  });
});

describe('the bundled validation set', () => {
  it('parses, and every case names a source URL and a locator', () => {
    const cases = validationCases();
    expect(cases.length).toBe(rawSet().cases.length);
    for (const c of cases) {
      expect(c.source.url, c.id).toMatch(/^https?:\/\//);
      expect(c.locator.length, c.id).toBeGreaterThan(3);
    }
  });

  it('holds 30–50 measured cases over every category, and identity cases apart', () => {
    const measured = validationCases().filter((c) => c.category !== 'identity');
    expect(measured.length).toBeGreaterThanOrEqual(30);
    expect(measured.length).toBeLessThanOrEqual(50);
    // Reliability has no independent case: its one case is the table the failure-rate defaults come
    // from (issue 19), so it is kept with the identities.
    for (const cat of VALIDATION_CATEGORIES.filter((c) => c !== 'reliability')) expect(validationCases().some((c) => c.category === cat), cat).toBe(true);
  });

  it('splits every category into tune and holdout halves that differ by at most one case', () => {
    for (const cat of VALIDATION_CATEGORIES.filter((c) => c !== 'identity')) {
      const cases = validationCases().filter((c) => c.category === cat);
      const tune = cases.filter((c) => c.split === 'tune').length;
      expect(Math.abs(tune - (cases.length - tune)), cat).toBeLessThanOrEqual(1);
    }
    expect(validationSet().split_method).toMatch(/seed 19/);
  });

  it('a run charged by GPU-hours lasts GPU-hours / (GPUs · 24) days in its scenario', () => {
    // The configuration quotes the published GPU-hours ("1,082,990 GPU-hours", "30.84M GPU-hours");
    // the scenario must run count GPUs for exactly that long (to the 4 decimals stored).
    const charged = validationCases().filter((c) => /GPU-hours/.test(c.configuration.duration ?? ''));
    expect(charged.length).toBeGreaterThanOrEqual(9);
    for (const c of charged) {
      const m = /([\d.,]+)(M?) GPU-hours/.exec(c.configuration.duration ?? '')!;
      const hours = Number(m[1].replace(/,/g, '')) * (m[2] ? 1e6 : 1);
      const s = c.scenario as { ops: { duration_days: number }; system: { node_count: number; accelerators_per_node: number } };
      const gpus = s.system.node_count * s.system.accelerators_per_node;
      expect(gpus, c.id).toBe(c.configuration.count);
      expect(Math.abs(s.ops.duration_days - hours / gpus / 24), c.id).toBeLessThan(1e-4);
    }
  });
});
