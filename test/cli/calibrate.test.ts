/** `mlsysim calibrate` and `--profile` through the built CLI (npm run build:lib first). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { expectClose } from '../helpers/golden.js';
import { cli, cliJson, noStack, scratch } from './helpers.js';

vi.setConfig({ testTimeout: 60_000 });

describe('mlsysim calibrate', () => {
  it.concurrent('fits η_bw to a memory-bound decode, saves a JSON profile, and eval --profile reproduces the measurement (round trip)', async () => {
    const dir = scratch({});
    const r = await cliJson(['calibrate', 'Llama3_8B', 'H100', '--measured', 'compute.latency=6.1ms', '--save', 'h100.json', '-o', 'json'], dir);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ variable: 'scenario.bandwidth_efficiency', regime: 'memory-bound', saved: 'h100.json' });
    // §12.1: Q = 1.63284e10 B, T_ov = 0.33 ms → η_bw = Q/(3.35e12 B/s · 5.77 ms).
    expectClose(r.json.to, 1.63284e10 / (3.35e12 * 5.77e-3), 1e-5, 'η_bw');
    expect(existsSync(join(dir, 'h100.json'))).toBe(true);
    const profile = JSON.parse(readFileSync(join(dir, 'h100.json'), 'utf8')) as { device: string; fitted: Record<string, number> };
    expect(profile.device).toBe('H100');
    const e = await cliJson(['eval', 'Llama3_8B', 'H100', '--profile', 'h100.json', '-o', 'json'], dir);
    expect(e.code).toBe(0);
    expectClose(e.json.p_latency, 6.1, 1e-5, 'p_latency in ms');
    const text = await cli(['eval', 'Llama3_8B', 'H100', '--profile', 'h100.json'], dir);
    expect(text.stderr).toContain('profile h100.json: scenario.bandwidth_efficiency = 0.84');
  });

  it.concurrent('text output: the regime, the efficiency and the cell before and after; a YAML profile loads too', async () => {
    const dir = scratch({});
    const r = await cli(['calibrate', 'Llama3_8B', 'H100', '--mode', 'serving', '--set', 'scenario.output_tokens=1', '--measured', 'serving.ttft=80ms', '--save', 'p.yaml'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^calibrate Llama3_8B on H100 — serving\.ttft measured 80ms/);
    expect(r.stdout).toContain('compute-bound: serving.ttft responds to scenario.efficiency');
    expect(r.stdout).toMatch(/serving\.ttft: .* → 80 ms \(measured 80 ms\)/);
    expect(readFileSync(join(dir, 'p.yaml'), 'utf8')).toMatch(/^kind: mlsysim-device-profile/);
    const e = await cliJson(['eval', 'Llama3_8B', 'H100', '--mode', 'serving', '--set', 'scenario.output_tokens=1', '--profile', 'p.yaml', '-o', 'json'], dir);
    expectClose(e.json.p_ttft, 80, 1e-5, 'p_ttft in ms');
  });

  it.concurrent('bad input exits 1 with one line: no --measured, an unknown cell, a profile of another device', async () => {
    const none = await cli(['calibrate', 'Llama3_8B', 'H100']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('calibrate needs --measured CELL=VALUE');
    const bad = await cli(['calibrate', 'Llama3_8B', 'H100', '--measured', 'compute.nope=1ms']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("'compute.nope' is not a cell of this scenario");
    expect(noStack(bad.stderr)).toBe(true);
    const dir = scratch({ 'h100.json': JSON.stringify({ kind: 'mlsysim-device-profile', version: 1, device: 'H100', fitted: { 'scenario.efficiency': 0.6 },
      measurement: { cell: 'compute.latency', value: 0.0061, unit: 's', text: '6.1ms', scenario: 'Llama3_8B on H100' } }) });
    const other = await cli(['eval', 'Llama3_8B', 'A100', '--profile', 'h100.json'], dir);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('is H100 but the scenario runs on A100');
  });
});
