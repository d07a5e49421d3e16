/** The seed's commands, verbatim, with expectations from the library evaluated in-process. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { evaluate, flatResult, jsonSchemaFor, optimizeParallelism, optimizePlacement } from '../../src/scenario/index.js';
import { loadDocumentText } from '../../src/scenario/yaml-text.js';
import { cli, EXAMPLE, PLANS, scratch } from './helpers.js';

// Spawns run concurrently on few cores: allow time.
vi.setConfig({ testTimeout: 60_000 });

const example = () => loadDocumentText(readFileSync(EXAMPLE, 'utf8'), { filename: 'example_cluster.yaml' });

describe('the seed commands', () => {
  it.concurrent('mlsysim zoo hardware / zoo models', async () => {
    const [hw, models] = await Promise.all([cli(['zoo', 'hardware']), cli(['zoo', 'models'])]);
    expect(hw.code).toBe(0);
    expect(models.code).toBe(0);
    // Sorted as the catalogue does: the hardware table by peak FLOP/s, models by parameters.
    expect(hw.stdout).toMatch(/^Hardware \(\d+\)/);
    expect(hw.stdout.indexOf('H100')).toBeGreaterThan(0);
    expect(hw.stdout.indexOf('B200')).toBeLessThan(hw.stdout.indexOf('H100 '));
    expect(models.stdout).toMatch(/^Models \(\d+\)/);
    expect(models.stdout.indexOf('Llama3_70B')).toBeLessThan(models.stdout.indexOf('Llama3_8B'));
  });

  it.concurrent('mlsysim eval Llama3_8B H100 --batch-size 32', async () => {
    const r = await cli(['eval', 'Llama3_8B', 'H100', '--batch-size', '32']);
    expect(r.code).toBe(0);
    const e = evaluate({ model: 'Llama3_8B', hardware: 'H100', overrides: { 'scenario.batch_size': 32 } });
    expect(r.stdout).toContain('MLSys·im scorecard — Llama3_8B on H100 (inference)');
    expect(r.stdout).toContain('22-wall board');
    expect(r.stdout).toContain(e.card.feasibility.summary);
    expect(r.stderr).toBe('');
  });

  it.concurrent('mlsysim eval example_cluster.yaml (its latency assert fails: exit 3)', async () => {
    const r = await cli(['eval', 'example_cluster.yaml'], PLANS);
    const e = evaluate(example().scenario);
    expect(e.exit_code).toBe(3);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('Llama3_70B on 64 H100 in Quebec');
    expect(r.stdout).toContain('asserts');
    expect(r.stderr).toMatch(/assert failed: performance\.latency/);
  });

  it.concurrent('mlsysim schema > schema.json', async () => {
    const r = await cli(['schema']);
    expect(r.code).toBe(0);
    const dir = scratch({});
    writeFileSync(join(dir, 'schema.json'), r.stdout);
    expect(JSON.parse(readFileSync(join(dir, 'schema.json'), 'utf8'))).toEqual(jsonSchemaFor('plan'));
  });

  it.concurrent('mlsysim --output json eval example_cluster.yaml | jq .m_tco_usd', async () => {
    const r = await cli(['--output', 'json', 'eval', 'example_cluster.yaml'], PLANS);
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    const lib = flatResult(evaluate(example().scenario));
    expect(typeof out.m_tco_usd).toBe('number');
    expect(out.m_tco_usd).toBe(lib.m_tco_usd);
  });

  it.concurrent('mlsysim optimize parallelism example_cluster.yaml', async () => {
    const r = await cli(['optimize', 'parallelism', 'example_cluster.yaml'], PLANS);
    expect(r.code).toBe(0);
    const lib = optimizeParallelism(evaluate(example().scenario).built.graph);
    const b = lib.best!.values;
    expect(r.stdout).toContain(`best: tp=${b['communication.tp']}, pp=${b['communication.pp']}, ep=${b['communication.ep']}, microbatch_size=${b['communication.microbatch_size']}`);
    expect(r.stdout).toContain(`${lib.tried} evaluated, ${lib.feasible} feasible`);
  });

  it.concurrent('mlsysim optimize placement example_cluster.yaml --carbon-tax 150', async () => {
    const r = await cli(['optimize', 'placement', 'example_cluster.yaml', '--carbon-tax', '150'], PLANS);
    expect(r.code).toBe(0);
    const lib = optimizePlacement(evaluate(example().scenario).built.graph, { carbonTax: 150 });
    expect(r.stdout).toContain(`best: region=${String(lib.best!.values.region)}`);
    expect(r.stdout).toContain('objective: minimise tco_usd + carbon_t × carbon_tax (USD)');
  });
});
