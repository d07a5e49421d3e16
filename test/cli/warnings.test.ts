/**
 * Numbers the user did not mean are said out loud: a bare number read in SI that is implausible
 * for its quantity (--set, sweep and seek bounds, plan files, scenario overrides), and a global
 * batch grown to fit the layout. Absurd fleets are refused. Warnings go to stderr in text mode
 * and into the JSON `warnings` list; the numbers themselves are not changed.
 */
import { describe, expect, it, vi } from 'vitest';
import { cli, cliJson, scratch } from './helpers.js';

vi.setConfig({ testTimeout: 60_000 });

const PLAN = (hardware: string, workload = 'name: Llama3_70B, batch_size: 8') =>
  `version: "1.0"\nworkload: { ${workload} }\nhardware: { name: H100, ${hardware} }\n`;
const DIR = scratch({
  'bare_bw.yaml': PLAN('accelerators: 16, intra_node_bw: 450, fabric_bandwidth: "400 Gbit/s"'),
  'b8.yaml': PLAN('accelerators: 1024'),
  'billion.yaml': PLAN('accelerators: 1000000000', 'name: Llama3_70B, batch_size: 64'),
  'billion_nodes.yaml': PLAN('node_count: 125000000, accelerators_per_node: 8'),
  'scenario.yaml': 'model: Llama3_8B\nhardware: H100\noverrides:\n  hardware.memory_bandwidth: 4\n',
});

const warningsOf = (j: Record<string, unknown>) => j.warnings as string[];

describe('--set with a bare number', () => {
  it('hardware.memory_bandwidth=4 is read as 4 B/s and said: did you mean 4 TB/s?', async () => {
    const r = await cli(['eval', 'Llama3_8B', 'H100', '--set', 'hardware.memory_bandwidth=4']);
    expect(r.stderr).toMatch(/^warning: hardware\.memory_bandwidth=4 read as 4 B\/s — did you mean 4 TB\/s\?/m);
    const j = await cliJson(['--output', 'json', 'eval', 'Llama3_8B', 'H100', '--set', 'hardware.memory_bandwidth=4']);
    expect(warningsOf(j.json).some((w) => w.startsWith('hardware.memory_bandwidth=4 read as 4 B/s — did you mean 4 TB/s?'))).toBe(true);
    // The reading stands (SI): 16.06 GB of fp16 weights at 4 B/s is about 4e9 s, not a few ms.
    expect(j.json.p_latency as number).toBeGreaterThan(1e12);
  });

  it('hardware.memory_capacity=80 is read as 80 B (did you mean 80 GB?)', async () => {
    const j = await cliJson(['--output', 'json', 'eval', 'Llama3_8B', 'H100', '--set', 'hardware.memory_capacity=80']);
    expect(warningsOf(j.json).join('\n')).toMatch(/hardware\.memory_capacity=80 read as 80 B — did you mean 80 GB\?/);
  });

  it('a value with a unit is read in it and not warned about', async () => {
    const j = await cliJson(['--output', 'json', 'eval', 'Llama3_8B', 'H100', '--set', 'hardware.memory_bandwidth=4TB/s', '--set', 'hardware.memory_capacity=80e9']);
    expect(warningsOf(j.json).filter((w) => /read as/.test(w))).toEqual([]);
  });

  it('a duration field: capital.duration=14 is 14 s (did you mean 14 days?); 14d and 2500 h are read in their units', async () => {
    const bare = await cliJson(['--output', 'json', 'eval', 'Llama3_8B', 'H100', '--set', 'ops.duration_days=1', '--set', 'capital.duration=14']);
    expect(warningsOf(bare.json).join('\n')).toMatch(/capital\.duration=14 read as 14 s — did you mean 14 days\?/);
    const d = await cliJson(['--output', 'json', 'eval', 'Llama3_8B', 'H100', '--set', 'ops.duration_days=1', '--set', 'capital.duration=14d', '--all']);
    expect((d.json.cells as Record<string, { value: number }>)['capital.duration'].value).toBe(14 * 86400);
    const h = await cliJson(['--output', 'json', 'eval', 'Llama3_8B', 'H100', '--set', 'ops.duration_days=1', '--set', 'capital.duration=2500 h', '--all']);
    expect((h.json.cells as Record<string, { value: number }>)['capital.duration'].value).toBe(2500 * 3600);
  });
});

describe('sweep and seek bounds', () => {
  it('sweep --axis hardware.memory_bandwidth=1:5 warns about both bounds (stderr and JSON)', async () => {
    const argv = ['sweep', 'Llama3_8B', 'H100', '--axis', 'hardware.memory_bandwidth=1:5:3', '--metric', 'compute.latency'];
    const r = await cli(argv);
    expect(r.stderr).toMatch(/warning: --axis hardware\.memory_bandwidth START=1 read as 1 B\/s — did you mean 1 TB\/s\?/);
    expect(r.stderr).toMatch(/warning: --axis hardware\.memory_bandwidth STOP=5 read as 5 B\/s — did you mean 5 TB\/s\?/);
    const j = await cliJson(['--output', 'json', ...argv]);
    expect(warningsOf(j.json)).toHaveLength(2);
  });

  it('seek --vary hardware.memory_bandwidth=1:20 warns about both bounds (stderr and JSON)', async () => {
    const argv = ['seek', 'Llama3_8B', 'H100', '--target', 'compute.latency=10ms', '--vary', 'hardware.memory_bandwidth=1:20'];
    const r = await cli(argv);
    expect(r.stderr).toMatch(/warning: --vary hardware\.memory_bandwidth LO=1 read as 1 B\/s — did you mean 1 TB\/s\?/);
    expect(r.stderr).toMatch(/warning: --vary hardware\.memory_bandwidth HI=20 read as 20 B\/s — did you mean 20 TB\/s\?/);
    const j = await cliJson(['--output', 'json', ...argv]);
    expect(warningsOf(j.json).filter((w) => /read as/.test(w))).toHaveLength(2);
  });

  it('seek says when it narrows an integer range to integers (1.5:10.5 is searched as [2, 10])', async () => {
    const j = await cliJson(['--output', 'json', 'seek', 'Llama3_8B', 'H100', '--target', 'compute.latency=10ms', '--vary', 'scenario.batch_size=1.5:10.5', '--goal', 'at_most']);
    expect(warningsOf(j.json).join('\n')).toMatch(/--vary scenario\.batch_size takes integers: the range \[1\.5, 10\.5\] is searched as \[2, 10\]/);
  });

  it('sweep says when it rounds an integer axis (1:4:3 gives 1, 2.5, 4 → 1, 3, 4)', async () => {
    const j = await cliJson(['--output', 'json', 'sweep', 'Llama3_8B', 'H100', '--axis', 'scenario.batch_size=1:4:3', '--metric', 'compute.latency']);
    expect((j.json.axes as { values: number[] }[])[0].values).toEqual([1, 3, 4]); // Math.round(2.5) = 3
    expect(warningsOf(j.json).join('\n')).toMatch(/scenario\.batch_size takes integers: 2\.5 rounded to 3/);
  });
});

describe('plan files and scenario files', () => {
  it('a bare intra_node_bw of 450 is 450 B/s (did you mean 450 GB/s?), by the same rule', async () => {
    const r = await cliJson(['--output', 'json', 'eval', 'bare_bw.yaml'], DIR);
    expect(warningsOf(r.json).join('\n')).toMatch(/hardware\.intra_node_bw=450 read as 450 B\/s — did you mean 450 GB\/s\?/);
    expect(warningsOf(r.json).join('\n')).not.toMatch(/fabric_bandwidth/); // "400 Gbit/s" has its unit
  });

  it('a scenario override given as a bare number is checked too', async () => {
    const r = await cliJson(['--output', 'json', 'eval', 'scenario.yaml'], DIR);
    expect(warningsOf(r.json).join('\n')).toMatch(/hardware\.memory_bandwidth=4 read as 4 B\/s — did you mean 4 TB\/s\?/);
  });
});

describe('the global batch grown to fit the layout is a top-level warning', () => {
  it('8 sequences on 1024 H100: rounded up to dp·b (one microbatch per DP rank), said on stderr and in JSON', async () => {
    const j = await cliJson(['--output', 'json', 'eval', 'b8.yaml'], DIR);
    const w = warningsOf(j.json).find((x) => /global batch/.test(x));
    expect(w, JSON.stringify(j.json.warnings)).toBeDefined();
    const layout = (j.json.layout as { values: Record<string, number> }).values;
    const dp = 1024 / (layout['communication.tp'] * layout['communication.pp']);
    const b = layout['communication.microbatch_size'];
    // physics §8.2: m = ⌈B_g/(dp·b)⌉ = 1 for B_g = 8 ≤ dp·b, so B_eff = dp·b·1.
    expect(w).toContain(`from 8 to ${dp * b}`);
    const r = await cli(['eval', 'b8.yaml'], DIR);
    expect(r.stderr).toMatch(/^warning: .*global batch.*from 8 to/m);
  });
});

describe('absurd fleets are refused (exit 1) with the reason', () => {
  it('a billion accelerators names hardware.accelerators and the limit', async () => {
    const r = await cli(['eval', 'billion.yaml'], DIR);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/hardware\.accelerators describes 1,000,000,000 accelerators, more than the 10,000,000/);
  });

  it('node_count × accelerators_per_node counts too', async () => {
    const r = await cli(['eval', 'billion_nodes.yaml'], DIR);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/hardware\.node_count .*1,000,000,000 accelerators/);
  });

  it('--set communication.num_nodes past the limit is refused too', async () => {
    const r = await cli(['eval', 'Llama3_70B', 'H100', '--mode', 'training', '--set', 'communication.num_nodes=2e7']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/communication\.num_nodes .*20,000,000 accelerators/);
  });
});
