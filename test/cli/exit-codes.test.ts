/**
 * The CLI's exit code agrees with the scorecard it prints (README "Exit codes"): a wall without
 * catalogue data is n/a and exits 0; a lens in ERROR exits 1 with the reason; a failed assert
 * prints passed_all false and exits 3.
 */
import { describe, expect, it } from 'vitest';
import { cli, cliJson, scratch } from './helpers.js';

describe('exit codes agree with the scorecard', () => {
  it.concurrent('eval Llama3_8B TPUv6: ingestion n/a (no storage or host link listed), Performance not ERROR, exit 0', async () => {
    const r = await cliJson(['eval', 'Llama3_8B', 'TPUv6', '-o', 'json']);
    expect(r.code).toBe(0);
    expect(r.json.p_status).not.toBe('ERROR');
    expect(r.json.passed_all).toBe(true);
    const walls = r.json.walls as { wall: number; status: string; reason: string }[];
    expect(walls.find((w) => w.wall === 8)).toMatchObject({ status: 'SKIPPED', reason: expect.stringMatching(/^n\/a: .*no ingest path/) as unknown });
  });

  it.concurrent('a lens in ERROR (quantizing fp16 weights to fp32) exits 1 and names the field', async () => {
    const r = await cli(['eval', 'Llama3_8B', 'H100', '--set', 'fidelity.compression_method=quantization', '--set', 'fidelity.target_precision=fp32']);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/fidelity\.target_precision fp32 must have fewer bits than weight_precision fp16/);
  });

  it.concurrent('a failed assert exits 3 with passed_all false in the JSON', async () => {
    const dir = scratch({
      'sla.yaml': 'version: "1.0"\nname: sla\nworkload:\n  name: Llama3_8B\n  batch_size: 1\nhardware:\n  name: H100\nconstraints:\n  assert:\n    - metric: performance.latency\n      max: 1 ms\n',
    });
    const r = await cliJson(['eval', 'sla.yaml', '-o', 'json'], dir);
    expect(r.code).toBe(3);
    expect(r.json.passed_all).toBe(false);
  });
});
