/**
 * Any cell as a what-if: `--set` on a derived cell pins it (its formula set aside, said in a
 * warning on stderr and in JSON `warnings`), a scenario document lists pins under `pins`, and
 * `sweep --axis` accepts a derived cell the same way.
 *
 * Hand derivation (physics.md §2.5, §2.6, §3.1, §1.5), Llama3_8B (P = 8.03e9, L = 32, H_kv = 8,
 * d_h = 128) at fp16 on one H100, decode at B = 1, x = 2048:
 *   Q   = P·2 + B·x·L·H_kv·(d_h + d_v)·2 = 16 060 000 000 + 2048·131 072 = 16 328 435 456 B
 *   T_m = Q / (BW·η_bw), with η_bw set to 1 here (the default is the device class's);
 *   T_ov = dispatch_tax + L·layer_tax = 10 µs + 32·10 µs = 330 µs
 *   T_c = 17.13 GFLOP / (989 TFLOP/s · 0.5) ≈ 34.6 µs < T_m, so T = T_m + T_ov.
 * With BW pinned to 2 TB/s: T = 16 328 435 456 / 2e12 + 330e-6 = 8.494217728 ms.
 */
import { describe, expect, it, vi } from 'vitest';
import { cli, cliJson, scratch } from './helpers.js';

vi.setConfig({ testTimeout: 60_000 });

const Q = 16_328_435_456;
const T_OV = 10e-6 + 32 * 10e-6;
const latencyAt = (bw: number) => Q / bw + T_OV;
const close = (got: number, want: number) => expect(Math.abs(got / want - 1)).toBeLessThan(1e-12);

const DIR = scratch({
  'pinned.yaml': 'model: Llama3_8B\nhardware: H100\noverrides:\n  scenario.bandwidth_efficiency: 1\npins:\n  memory.effective_bandwidth: 2 TB/s\n',
  'pin_input.yaml': 'model: Llama3_8B\nhardware: H100\npins:\n  hardware.memory_bandwidth: 2 TB/s\n',
  'derived_override.yaml': 'model: Llama3_8B\nhardware: H100\noverrides:\n  memory.effective_bandwidth: 2 TB/s\n',
});

const ETA = ['--set', 'scenario.bandwidth_efficiency=1'];
const PIN = [...ETA, '--set', 'memory.effective_bandwidth=2TB/s'];

describe('--set on a derived cell pins it', () => {
  it('the decode latency follows the pinned bandwidth: T = Q/2e12 + 330 µs = 8.494 ms', async () => {
    const j = await cliJson(['--output', 'json', 'eval', 'Llama3_8B', 'H100', ...PIN]);
    expect(j.code).toBe(0);
    close(j.json.p_latency as number, latencyAt(2e12) * 1e3);
    const warnings = j.json.warnings as string[];
    expect(warnings.filter((w) => w.startsWith('set.memory.effective_bandwidth: memory.effective_bandwidth is a derived cell ('))).toHaveLength(1);
    expect(warnings.join('\n')).toMatch(/pinned to 2 TB\/s, its formula set aside/);
  });

  it('says so on stderr in text mode, and the scorecard shows the new latency', async () => {
    const r = await cli(['eval', 'Llama3_8B', 'H100', ...PIN]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: set\.memory\.effective_bandwidth: memory\.effective_bandwidth is a derived cell/m);
    expect(r.stdout).toMatch(/latency\s+8\.4942 ms/);
  });

  it('cuts the cone: an upstream edit (the device bandwidth) no longer reaches the pinned cell', async () => {
    const j = await cliJson(['--output', 'json', 'eval', 'Llama3_8B', 'H100', '--set', 'hardware.memory_bandwidth=4TB/s', ...PIN]);
    close(j.json.p_latency as number, latencyAt(2e12) * 1e3);
  });

  it('explain shows the pin: the value given and the warning on the cell', async () => {
    const j = await cliJson(['--output', 'json', 'explain', 'Llama3_8B', 'H100', 'memory.effective_bandwidth', ...PIN]);
    expect(j.json.value).toBe(2e12);
    expect((j.json.warnings as string[])[0]).toMatch(/^pinned to 2000000000000: its formula \(BW_eff = .*\) is set aside until it is unpinned$/);
  });

  it('a value of the wrong kind is refused naming the field (exit 1)', async () => {
    const r = await cli(['eval', 'Llama3_8B', 'H100', '--set', 'memory.effective_bandwidth=2ms']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/set\.memory\.effective_bandwidth .*B\/s/);
  });
});

describe('pins in a scenario document', () => {
  it('pins: {memory.effective_bandwidth: 2 TB/s} gives the same latency, with the warning', async () => {
    const j = await cliJson(['--output', 'json', 'eval', 'pinned.yaml'], DIR);
    expect(j.code).toBe(0);
    close(j.json.p_latency as number, latencyAt(2e12) * 1e3);
    expect((j.json.warnings as string[]).join('\n')).toMatch(/^pins\.memory\.effective_bandwidth: memory\.effective_bandwidth is a derived cell/m);
  });

  it('a pin on an input cell, or a derived cell under overrides, is refused naming the field', async () => {
    const a = await cli(['eval', 'pin_input.yaml'], DIR);
    expect(a.code).toBe(1);
    expect(a.stderr).toMatch(/pins\.hardware\.memory_bandwidth is an input cell: set it under overrides/);
    const b = await cli(['eval', 'derived_override.yaml'], DIR);
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(/overrides\.memory\.effective_bandwidth is a derived cell .*list it under pins/);
  });
});

describe('sweep --axis over a derived cell', () => {
  it('pins it to each value for the run: latency = Q/BW + 330 µs at 1, 2, 3, 4 TB/s', async () => {
    const j = await cliJson(['--output', 'json', 'sweep', 'Llama3_8B', 'H100', '--axis', 'memory.effective_bandwidth=1TB/s:4TB/s:4', '--metric', 'compute.latency', ...ETA]);
    expect(j.code).toBe(0);
    const rows = j.json.rows as Record<string, number>[];
    expect(rows.map((r) => r['memory.effective_bandwidth'])).toEqual([1e12, 2e12, 3e12, 4e12]);
    rows.forEach((r) => close(r['compute.latency'], latencyAt(r['memory.effective_bandwidth'])));
    expect((j.json.warnings as string[]).join('\n')).toMatch(/--axis memory\.effective_bandwidth: a derived cell .*pinned to each swept value/);
  });

  it('warns on stderr in CSV mode and leaves stdout a clean table', async () => {
    const r = await cli(['sweep', 'Llama3_8B', 'H100', '--axis', 'memory.effective_bandwidth=2TB/s:4TB/s:2', '--metric', 'compute.latency', '--output', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: --axis memory\.effective_bandwidth: a derived cell/m);
    expect(r.stdout.split('\n')[0]).toBe('memory.effective_bandwidth (B/s),compute.latency (s),feasible');
  });
});
