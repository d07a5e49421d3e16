/** `mlsysim validate`: the shipped validation set through the built CLI (npm run build:lib first). */
import { describe, expect, it, vi } from 'vitest';
import { validationCases } from '../../src/registry/index.js';
import { cli, cliJson, noStack } from './helpers.js';

// The whole set is dozens of evaluations (some of thousands of GPUs): allow time on few cores.
vi.setConfig({ testTimeout: 120_000 });

// Reliability holds independent cases (Meta's A100 research clusters); the Llama 3 interruption count, the table the
// failure-rate defaults come from, is an identity (issue 19).
const CATEGORIES = ['training', 'inference', 'energy', 'carbon', 'reliability', 'cost', 'identity'];

describe('mlsysim validate', () => {
  it.concurrent('JSON: one entry per case and a median |error| per category, per split and overall; exit 0', async () => {
    const r = await cliJson(['validate', '--output', 'json']);
    expect(r.code).toBe(0);
    const cases = r.json.cases as { id: string; status: string; measured: number; predicted?: number; error?: number; bottleneck: string }[];
    expect(cases.map((c) => c.id)).toEqual(validationCases().map((c) => c.id));
    const summary = r.json.summary as {
      categories: Record<string, { n: number; evaluated: number; median_abs_error?: number }>;
      splits: Record<string, { median_abs_error?: number }>;
      overall: { n: number; median_abs_error?: number };
      identity: { max_abs_error?: number };
      bottleneck_class: { stated: number; evaluated: number; right: number; share?: number; wrong: string[] };
    };
    expect(Object.keys(summary.categories).sort()).toEqual([...CATEGORIES].sort());
    for (const cat of CATEGORIES) {
      const g = summary.categories[cat];
      expect(g.n, cat).toBe(validationCases().filter((c) => c.category === cat).length);
      expect(typeof g.median_abs_error, cat).toBe('number');
    }
    expect(typeof summary.splits.tune.median_abs_error).toBe('number');
    expect(typeof summary.splits.holdout.median_abs_error).toBe('number');
    expect(summary.overall.n).toBe(validationCases().filter((c) => c.category !== 'identity').length);
    // Exact up to double round-off: the interruption count is a sum of rates × hours.
    expect(summary.identity.max_abs_error).toBeLessThan(1e-12);
    // The class the sources state, scored over the cases that state one.
    const stated = validationCases().filter((c) => c.expected_bottleneck).length;
    expect(summary.bottleneck_class.stated).toBe(stated);
    expect(summary.bottleneck_class.share).toBeCloseTo(summary.bottleneck_class.right / summary.bottleneck_class.evaluated, 12);
    // Each evaluated case: error = (predicted − measured)/measured, and a bottleneck class.
    for (const c of cases.filter((x) => x.status === 'ok')) {
      expect(c.error, c.id).toBeCloseTo((c.predicted! - c.measured) / c.measured, 12);
      expect(['compute', 'memory', 'overhead', 'communication', 'queueing', 'data', 'none'], c.id).toContain(c.bottleneck);
    }
  });

  it.concurrent('markdown: the case table has one row per case of the selection', async () => {
    const r = await cli(['validate', '--category', 'inference', '--output', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Bottleneck class: right in \d+ of \d+ cases that state one \(\d+\.\d %\)/);
    const table = r.stdout.split('### Median')[0];
    const rows = table.split('\n').filter((l) => /^\| [a-z0-9]/.test(l) && !l.startsWith('| case '));
    const ids = validationCases().filter((c) => c.category === 'inference').map((c) => c.id);
    expect(rows.map((l) => l.split(' | ')[0].slice(2))).toEqual(ids);
  });

  it.concurrent('--split holdout keeps only holdout cases; the identity check needs no split', async () => {
    const [holdout, identity] = await Promise.all([
      cliJson(['validate', '--split', 'holdout', '-o', 'json']),
      cli(['validate', '--category', 'identity']),
    ]);
    const cases = holdout.json.cases as { split?: string; category: string }[];
    expect(cases.length).toBe(validationCases().filter((c) => c.split === 'holdout').length);
    expect(cases.every((c) => c.split === 'holdout' && c.category !== 'identity')).toBe(true);
    expect(identity.code).toBe(0);
    // Llama-3-8B: 2 · 32 layers · 8 KV heads · 128 · 2 B = 131,072 B, predicted exactly.
    expect(identity.stdout).toMatch(/llama3-8b-kv-bytes-fp16 +identity +— +131,072 B +131,072 B +0\.0 %/);
  });

  it.concurrent('a bad filter is bad input (exit 1) with the allowed values, no stack trace; --help has examples', async () => {
    const [r, help] = await Promise.all([cli(['validate', '--category', 'speed']), cli(['validate', '--help'])]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('$ mlsysim validate');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--category.*'speed'.*training, inference, energy, carbon, reliability, cost, identity/);
    expect(noStack(r.stderr)).toBe(true);
  });
});
