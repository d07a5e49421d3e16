/**
 * The CLI speaks parallelism outside training: a node as HARDWARE, --gpus N, --tp/--pp/--ep/--cp,
 * the layout chosen when unset (said in text, JSON and stderr), `optimize parallelism` in
 * every mode, and refusals that name the flag.
 */
import { describe, expect, it, vi } from 'vitest';
import { cli, cliJson, noStack } from './helpers.js';

vi.setConfig({ testTimeout: 60_000 });

/** The §12 calibration the hand derivations of test/fixtures/parallel assume, pinned. */
const PINNED = ['--precision', 'fp16', '--efficiency', '0.5', '--set', 'scenario.bandwidth_efficiency=1', '--set', 'scenario.layer_tax=10e-6'];
const cell = (j: Record<string, unknown>, id: string) => ((j.serving as Record<string, { value: number }>)[id]).value;

describe('serve Llama3_70B DGX_H100', () => {
  it('answers feasible with the layout it chose, said on stdout and stderr', async () => {
    const r = await cli(['serve', 'Llama3_70B', 'DGX_H100', ...PINNED]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Llama3_70B on DGX_H100 \(serving\) — PASS/);
    expect(r.stdout).toMatch(/^layout \(auto\): tp=\d, pp=1, ep=1$/m);
    expect(r.stderr).toMatch(/^warning: layout \(auto\): tp=\d, pp=1, ep=1 — chosen for the most tokens\/s at capacity/m);
  });

  it('--tp 8: the hand-derived ITL (7.234 ms) and 17.65 GB of weights per GPU; layout in JSON', async () => {
    const j = await cliJson(['--output', 'json', 'serve', 'Llama3_70B', 'DGX_H100', '--tp', '8', ...PINNED]);
    expect(j.code).toBe(0);
    expect(cell(j.json, 'serving.itl')).toBeCloseTo(7.233891826e-3, 11);
    expect(cell(j.json, 'communication.weight_bytes_per_gpu')).toBeCloseTo(17.65e9, 0);
    expect(cell(j.json, 'communication.replicas')).toBe(1);
    expect((j.json.layout as { values: Record<string, number> }).values).toEqual({ 'communication.tp': 8, 'communication.pp': 1, 'communication.ep': 1 });
  });

  it('--set communication.tp=8 works like --tp 8', async () => {
    const a = await cliJson(['--output', 'json', 'serve', 'Llama3_70B', 'DGX_H100', '--set', 'communication.tp=8', ...PINNED]);
    expect(cell(a.json, 'serving.itl')).toBeCloseTo(7.233891826e-3, 11);
  });
});

describe('--gpus N', () => {
  it('serve Llama3_70B H100 --gpus 8 is one DGX_H100 node', async () => {
    const a = await cliJson(['--output', 'json', 'serve', 'Llama3_70B', 'H100', '--gpus', '8', '--tp', '8', ...PINNED]);
    expect(cell(a.json, 'serving.itl')).toBeCloseTo(7.233891826e-3, 11);
  });

  it('Mixtral_8x7B on 2 H100 with --ep 2 evaluates: experts split, feasible', async () => {
    const j = await cliJson(['--output', 'json', 'serve', 'Mixtral_8x7B', 'H100', '--gpus', '2', '--ep', '2', ...PINNED]);
    expect(j.code).toBe(0);
    expect(cell(j.json, 'serving.itl')).toBeCloseTo(7.303991589e-3, 11); // test/fixtures/parallel ep case
    expect(cell(j.json, 'serving.serving_feasible')).toBe(true);
  });

  it('a count that is not a whole number of nodes, --gpus with a node, and --tp on one device are refused, naming the flag', async () => {
    const odd = await cli(['serve', 'Llama3_70B', 'H100', '--gpus', '12']);
    expect(odd.code).toBe(1);
    expect(odd.stderr).toMatch(/--gpus 12 is not a whole number of DGX_H100 nodes \(8 H100 each\)/);
    const both = await cli(['serve', 'Llama3_70B', 'DGX_H100', '--gpus', '8']);
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/--gpus applies to a device/);
    const one = await cli(['serve', 'Llama3_70B', 'H100', '--tp', '8']);
    expect(one.code).toBe(1);
    expect(one.stderr).toMatch(/--tp needs more than one device/);
    const bad = await cli(['serve', 'Llama3_70B', 'DGX_H100', '--tp', '0']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--tp must be an integer ≥ 1/);
    for (const r of [odd, both, one, bad]) expect(noStack(r.stderr)).toBe(true);
  });

  it('a split that does not divide the devices is bad input, naming the numbers', async () => {
    const r = await cli(['serve', 'Llama3_70B', 'DGX_H100', '--tp', '3']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/tp·pp must divide N|tp must divide the accelerators per node/);
  });
});

describe('eval and optimize parallelism outside training', () => {
  it('eval --mode inference on a node picks TP 8 for Llama3_70B (the lowest decode step)', async () => {
    const r = await cli(['eval', 'Llama3_70B', 'DGX_H100', '--mode', 'inference', ...PINNED]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/layout \(auto\): tp=8, pp=1, ep=1/);
  });

  it('optimize parallelism Llama3_70B DGX_H100 --mode serving ranks layouts by the fleet tokens/s', async () => {
    const j = await cliJson(['--output', 'json', 'optimize', 'parallelism', 'Llama3_70B', 'DGX_H100', '--mode', 'serving']);
    expect(j.code).toBe(0);
    expect((j.json.objective as { name: string }).name).toBe('communication.fleet_throughput');
    expect(j.json.feasible as number).toBeGreaterThan(0);
  });
});
