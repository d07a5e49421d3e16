/** Every command in every output mode, exit codes 0–3 on purpose, custom files, --help; values equal the library's. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cellReport, evaluate, flatResult, headlineCell, optimizeBatching } from '../../src/scenario/index.js';
import { createRegistry, modelFromHfConfig } from '../../src/registry/index.js';
import { type DerivedDef, goalSeek, sensitivity } from '../../src/graph/index.js';
import { cli, cliJson, EXAMPLE, ROOT, scratch } from './helpers.js';

// Spawns run concurrently on few cores: allow time.
vi.setConfig({ testTimeout: 60_000 });

const L8 = ['Llama3_8B', 'H100'];
const lib = (overrides: Record<string, string | number> = {}, extra: Record<string, unknown> = {}) =>
  evaluate({ model: 'Llama3_8B', hardware: 'H100', ...extra, overrides }, {});

describe('eval', () => {
  it.concurrent('text, markdown and json agree with the library; --output works before and after the command', async () => {
    const [text, md, before, after] = await Promise.all([
      cli(['eval', ...L8, '--precision', 'fp8', '--set', 'hardware.memory_bandwidth=4TB/s']),
      cli(['eval', ...L8, '--output', 'markdown']),
      cliJson(['--output', 'json', 'eval', ...L8, '--batch-size', '8', '--seq-len', '4096', '--efficiency', '0.4']),
      cliJson(['eval', ...L8, '--batch-size', '8', '--seq-len', '4096', '--efficiency', '0.4', '-o', 'json']),
    ]);
    const e = lib({ 'scenario.precision': 'fp8', 'hardware.memory_bandwidth': 4e12 });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(e.card.performance.summary);
    expect(md.stdout).toMatch(/^## Llama3_8B on H100 \(inference\)/);
    expect(md.stdout).toContain('| # | wall | status | headline | |');
    const want = flatResult(lib({ 'scenario.batch_size': 8, 'scenario.context_len': 4096, 'scenario.efficiency': 0.4 }));
    for (const r of [before, after]) {
      expect(r.code).toBe(0);
      for (const [k, v] of Object.entries(want)) expect(r.json[k], k).toEqual(v);
      expect((r.json.walls as unknown[]).length).toBe(22);
      expect(r.json.asserts).toEqual([]);
      expect(r.json.cells).toBeUndefined();
    }
    // Key order: scenario, statuses first (mlsysim's flat layout).
    expect(Object.keys(before.json).slice(0, 5)).toEqual(['scenario', 'mode', 'f_status', 'p_status', 'm_status']);
  });

  it.concurrent('--all lists every cell in SI units, equal to the library', async () => {
    const r = await cliJson(['eval', ...L8, '--mode', 'serving', '--region', 'Quebec', '--all', '--output', 'json']);
    const e = evaluate({ model: 'Llama3_8B', hardware: 'H100', mode: 'serving', region: 'Quebec', overrides: {} });
    expect(r.json.cells).toEqual(JSON.parse(JSON.stringify(cellReport(e.built.graph))));
    expect((r.json.cells as Record<string, { unit: string }>)['serving.ttft'].unit).toBe('s');
  });

  it.concurrent('exit codes 0, 1, 2 and 3, each provoked on purpose', async () => {
    const dir = scratch({
      'sla.yaml': 'version: "1.0"\nname: sla\nworkload:\n  name: Llama3_8B\n  batch_size: 1\nhardware:\n  name: H100\nconstraints:\n  assert:\n    - metric: performance.latency\n      max: 1 ms\n',
      'ok.yaml': 'version: "1.0"\nname: ok\nworkload:\n  name: Llama3_8B\n  batch_size: 1\nhardware:\n  name: H100\nconstraints:\n  assert:\n    - metric: performance.latency\n      max: 50\n',
    });
    const [ok, bad, infeasible, violated, okPlan] = await Promise.all([
      cli(['eval', ...L8]), cli(['eval', 'Llama3_8B', 'H100', '--efficiency', '2']),
      cli(['eval', 'Llama3_70B', 'H100']), cli(['eval', 'sla.yaml'], dir), cli(['eval', 'ok.yaml', '-o', 'json'], dir),
    ]);
    expect([ok.code, bad.code, infeasible.code, violated.code, okPlan.code]).toEqual([0, 1, 2, 3, 0]);
    expect(infeasible.stderr).toMatch(/^infeasible: /m);
    expect(infeasible.stdout).toContain('FAIL');
    expect(violated.stderr).toContain('assert failed: performance.latency');
    expect((JSON.parse(okPlan.stdout) as { asserts: { passed: boolean }[] }).asserts[0].passed).toBe(true);
  });

  it.concurrent('MODEL may be a Hugging Face config.json or a model file; HARDWARE a device file', async () => {
    const hfPath = join(ROOT, 'test/fixtures/hf/Meta-Llama-3-8B.config.json');
    const catalog = JSON.parse(readFileSync(join(ROOT, 'src/registry/data/catalog.json'), 'utf8')) as { models: { id: string }[] };
    const model = { ...catalog.models.find((m) => m.id === 'Llama3_8B')!, id: 'MyLlama' };
    const device = { id: 'MyChip', peak_tflops: { fp16: 100 }, memory_capacity_gb: 32, memory_bandwidth_gbs: 500 };
    const dir = scratch({ 'my-llama.json': JSON.stringify(model), 'chip.yaml': JSON.stringify(device) });
    const [hf, mine, chip] = await Promise.all([
      cliJson(['eval', hfPath, 'H100', '-o', 'json']),
      cliJson(['eval', 'my-llama.json', 'H100', '-o', 'json'], dir),
      cliJson(['eval', 'Llama3_8B', 'chip.yaml', '-o', 'json'], dir),
    ]);
    const hfModel = modelFromHfConfig(readFileSync(hfPath, 'utf8'));
    const id = String(hf.json.scenario).replace(/ on H100$/, '');
    const hfLib = evaluate({ model: id, hardware: 'H100' }, { registry: createRegistry([id === hfModel.id ? hfModel : modelFromHfConfig(readFileSync(hfPath, 'utf8'), { id })]) });
    expect(hf.code).toBe(0);
    expect(hf.json.p_latency).toBe(flatResult(hfLib).p_latency);
    expect(mine.json.scenario).toBe('MyLlama on H100');
    expect(mine.json.p_latency).toBe(flatResult(evaluate({ model, hardware: 'H100' })).p_latency);
    expect(chip.json.scenario).toBe('Llama3_8B on MyChip');
    expect(chip.json.p_latency).toBe(flatResult(evaluate({ model: 'Llama3_8B', hardware: device })).p_latency);
  });
});

describe('the other commands', () => {
  it.concurrent('zoo: text, markdown, csv and json', async () => {
    const [md, csv, json, sys] = await Promise.all([
      cli(['zoo', 'grids', '-o', 'markdown']), cli(['zoo', 'hardware', '--category', 'cloud', '-o', 'csv']),
      cliJson(['zoo', 'models', '-o', 'json']), cli(['zoo', 'systems']),
    ]);
    expect(md.stdout).toMatch(/^## Grids/);
    expect(csv.stdout.split('\n')[0]).toMatch(/^id,name,Default precision,Peak \(dense\) \(FLOP\/s\)/);
    expect(csv.stdout).toContain('H100,');
    expect((json.json.rows as { id: string }[]).length).toBeGreaterThan(10);
    expect(sys.stdout).toMatch(/Clusters[\s\S]*Nodes[\s\S]*Fabrics/);
  });

  it.concurrent('serve: text and json (TTFT, ITL, tokens/s, KV cache, feasibility)', async () => {
    const [text, json, md] = await Promise.all([
      cli(['serve', ...L8, '--seq-len', '4096', '--prefill-chunk-tokens', '512']),
      cliJson(['serve', ...L8, '--batch-size', '4', '-o', 'json']), cli(['serve', ...L8, '-o', 'markdown']),
    ]);
    expect(text.code).toBe(0);
    for (const s of ['TTFT', 'ITL', 'tokens/s', 'KV cache', 'memory', 'feasible']) expect(text.stdout).toContain(s);
    const e = evaluate({ model: 'Llama3_8B', hardware: 'H100', mode: 'serving', overrides: { 'scenario.batch_size': 4 } });
    expect(json.json.p_ttft).toBe(flatResult(e).p_ttft);
    expect((json.json.serving as Record<string, { value: number }>)['serving.itl'].value).toBe(e.built.graph.value('serving.itl'));
    expect(md.stdout).toMatch(/^## Llama3_8B on H100 \(serving\)/);
  });

  it.concurrent('optimize: batching in text, json, markdown and csv', async () => {
    const args = ['optimize', 'batching', ...L8, '--sla-ms', '5000', '--qps', '2', '--top', '3'];
    const [text, json, md, csv] = await Promise.all([cli(args), cliJson([...args, '-o', 'json']), cli([...args, '-o', 'markdown']), cli([...args, '-o', 'csv'])]);
    const r = optimizeBatching(evaluate({ model: 'Llama3_8B', hardware: 'H100', mode: 'serving' }).built.graph, { slaMs: 5000, qps: 2, topK: 3 });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`best: batch_size=${r.best!.objective}`);
    expect(json.json.best).toEqual(JSON.parse(JSON.stringify(r.best)));
    expect(json.json).toMatchObject({ kind: 'batching', tried: r.tried, feasible: r.feasible, total: r.total });
    expect(md.stdout).toMatch(/^## optimize batching/);
    expect(csv.stdout.trim().split('\n')).toHaveLength(4);
  });

  it.concurrent('optimize: nothing feasible exits 2', async () => {
    const r = await cliJson(['optimize', 'batching', ...L8, '--sla-ms', '1', '--qps', '100', '-o', 'json']);
    expect(r.code).toBe(2);
    expect(r.json.feasible).toBe(0);
  });

  it.concurrent('sweep: one axis (text, csv, json, markdown) and two axes', async () => {
    const one = ['sweep', ...L8, '--axis', 'scenario.batch_size=1:64:4:log', '--metric', 'compute.latency'];
    const [text, csv, json, md, two] = await Promise.all([
      cli(one), cli([...one, '-o', 'csv']), cliJson([...one, '-o', 'json']), cli([...one, '-o', 'markdown']),
      cli(['sweep', ...L8, '--axis', 'hardware.memory_bandwidth=1TB/s:5TB/s:3', '--axis', 'scenario.batch_size=1:8:2', '--metric', 'compute.latency', '-o', 'csv']),
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('compute.latency');
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('scenario.batch_size (sequences),compute.latency (s),feasible');
    // Llama3_8B fp16 (16.06 GB of weights) with 2048-token KV of 268 MB a sequence fits 80 GB at every batch up to 64.
    expect(lines.slice(1).map((l) => l.split(',')[2])).toEqual(['true', 'true', 'true', 'true']);
    const want = [1, 4, 16, 64].map((b) => lib({ 'scenario.batch_size': b }).built.graph.value('compute.latency'));
    expect(lines.slice(1).map((l) => Number(l.split(',')[1]))).toEqual(want);
    expect((json.json.rows as Record<string, number>[]).map((r) => r['compute.latency'])).toEqual(want);
    expect(md.stdout).toContain('| scenario.batch_size | compute.latency |');
    const twoLines = two.stdout.trim().split('\n');
    expect(twoLines).toHaveLength(7);
    expect(Number(twoLines[6].split(',')[2])).toBe(lib({ 'hardware.memory_bandwidth': 5e12, 'scenario.batch_size': 8 }).built.graph.value('compute.latency'));
  });

  it.concurrent('explain: text, markdown, json with inputs to a depth', async () => {
    const [text, md, json] = await Promise.all([
      cli(['explain', ...L8, 'compute.latency']), cli(['explain', ...L8, 'compute.latency', '-o', 'markdown']),
      cliJson(['explain', ...L8, 'compute.latency', '--depth', '2', '-o', 'json']),
    ]);
    const g = lib().built.graph;
    // §12.1's T_m 4.87416 ms at the H100's sourced η_bw 0.90 (issue 19) plus T_ov 0.33 ms: 4.87416/0.9 + 0.33 = 5.746 ms.
    expect(text.stdout).toMatch(/^compute\.latency = 5\.746 ms/);
    expect(text.stdout).toContain('formula: T = max(T_c, T_m) + T_ov');
    expect(text.stdout).toContain('compute.t_memory = ');
    expect(md.stdout).toMatch(/^## compute\.latency/);
    expect(json.json.value).toBe(g.value('compute.latency'));
    const inputs = json.json.inputs as { id: string; value: number; inputs: ({ id: string } | string)[] }[];
    expect(inputs.map((i) => i.id)).toEqual((g.def('compute.latency') as DerivedDef).reads);
    expect(inputs[0].value).toBe(g.value(inputs[0].id));
    expect(typeof inputs[0].inputs[0]).toBe('object');
  });

  it.concurrent('sensitivity: text, csv, json; the binding constraint equals the library', async () => {
    const [text, csv, json] = await Promise.all([
      cli(['sensitivity', ...L8]), cli(['sensitivity', ...L8, '--metric', 'memory.memory_footprint', '-o', 'csv']),
      cliJson(['sensitivity', ...L8, '-o', 'json']),
    ]);
    const g = lib().built.graph;
    const s = sensitivity(g, headlineCell('inference'));
    expect(text.stdout).toContain(`binding constraint: ${s.binding}`);
    expect(json.json.binding_constraint).toBe(s.binding);
    expect(csv.stdout.split('\n')[0]).toBe('rank,input,elasticity,method');
    expect(csv.stdout.split('\n')[1]).toContain(sensitivity(g, 'memory.memory_footprint').binding!);
  });

  it.concurrent('seek: a solution, and no solution (exit 0, status no_solution)', async () => {
    const [text, json, none] = await Promise.all([
      cli(['seek', ...L8, '--target', 'compute.latency=10ms', '--vary', 'scenario.batch_size=1:256']),
      cliJson(['seek', ...L8, '--target', 'compute.latency=2ms', '--vary', 'hardware.memory_bandwidth=1TB/s:20TB/s:log', '-o', 'json']),
      cliJson(['seek', ...L8, '--target', 'compute.latency=0.1ms', '--vary', 'scenario.batch_size=1:256', '-o', 'json']),
    ]);
    const want = goalSeek(lib().built.graph, { input: 'hardware.memory_bandwidth', output: 'compute.latency', target: 0.002, lo: 1e12, hi: 2e13, scale: 'log' });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/scenario\.batch_size = \d+/);
    expect(json.json.status).toBe('ok');
    expect(want.ok && json.json.solution).toBe(want.ok ? want.solution : NaN);
    expect(none.code).toBe(0);
    expect(none.json.status).toBe('no_solution');
  });

  it.concurrent('schema: each type; markdown wraps it', async () => {
    const [scenario, md] = await Promise.all([cliJson(['schema', '--type', 'scenario']), cli(['schema', 'hardware', '-o', 'markdown'])]);
    expect(scenario.json.title).toBe('MLSys·im scenario');
    expect(md.stdout).toMatch(/^```json\n/);
  });

  it.concurrent('--help on every command, with examples; --version', async () => {
    const cmds = ['zoo', 'eval', 'serve', 'optimize', 'sweep', 'explain', 'sensitivity', 'seek', 'schema'];
    const runs = await Promise.all([...cmds.map((c) => cli([c, '--help'])), cli(['--help']), cli(['--version'])]);
    runs.slice(0, cmds.length).forEach((r, i) => {
      expect(r.code, cmds[i]).toBe(0);
      expect(r.stdout, cmds[i]).toContain(`$ mlsysim ${cmds[i]}`);
      expect(r.stdout, cmds[i]).toContain('--output');
    });
    expect(runs[cmds.length].stdout).toContain('Exit codes: 0 ok, 1 bad input, 2 infeasible, 3 an assert is violated');
    expect(runs[cmds.length + 1].stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.concurrent('plans work with the analysis commands too', async () => {
    const r = await cliJson(['explain', EXAMPLE, 'capital.tco_usd', '--depth', '0', '-o', 'json']);
    expect(r.code).toBe(0);
    expect(r.json.inputs).toBeDefined();
  });
});
