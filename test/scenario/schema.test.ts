import { describe, expect, it } from 'vitest';
import {
  assertBounds, assertSchema, formatIssues, ScenarioInputError, scenarioSchema, workbookSchema,
} from '../../src/scenario/index.js';
import type { Workbook } from '../../src/scenario/index.js';
import { loadPlanText, loadScenarioText } from '../../src/scenario/yaml-text.js';

const W = '  name: Llama3_8B\n  batch_size: 1';
const H = '  name: H100\n  precision: fp16\n  efficiency: 0.5';
const plan = (o: { v?: string; w?: string; h?: string; x?: string } = {}) =>
  `version: ${o.v ?? '"1.0"'}\nname: t\nworkload:\n${o.w ?? W}\nhardware:\n${o.h ?? H}\n${o.x ?? ''}`;

function failure(load: () => unknown): ScenarioInputError {
  try {
    load();
  } catch (e) {
    if (e instanceof ScenarioInputError) return e;
    throw e;
  }
  throw new Error('loaded without error');
}

/** [what, plan text, message pattern]: each must fail with a message naming the field. */
const MALFORMED: [string, string, RegExp][] = [
  ['unknown top-level key', plan({ x: 'stray: 1' }), /: stray is not a known key \(allowed: version, name/],
  ['unknown workload key', plan({ w: `${W}\n  stray_field: true` }), /workload\.stray_field is not a known key/],
  ['unknown hardware key (typo, suggested)', plan({ h: `${H}\n  acclerators: 8` }), /hardware\.acclerators is not a known key/],
  ['unknown ops key', plan({ x: 'ops:\n  region: Quebec\n  days: 3' }), /ops\.days is not a known key \(did you mean duration_days\? allowed: region, duration_days\)/],
  ['unknown constraints key', plan({ x: 'constraints:\n  asserts: []' }), /constraints\.asserts is not a known key/],
  ['unknown assert key', plan({ x: 'constraints:\n  assert:\n    - {metric: performance.latency, max: 5, unit: ms}' }),
    /constraints\.assert\[0\]\.unit is not a known key \(allowed: metric, min, max\)/],
  ['two unknown keys', plan({ w: `${W}\n  a: 1\n  b: 2` }), /workload has unknown keys a, b/],
  ['zero batch', plan({ w: '  name: Llama3_8B\n  batch_size: 0' }), /workload\.batch_size must be an integer ≥ 1 \(got 0\)/],
  ['negative batch', plan({ w: '  name: Llama3_8B\n  batch_size: -4' }), /workload\.batch_size must be an integer ≥ 1 \(got -4\)/],
  ['fractional batch', plan({ w: '  name: Llama3_8B\n  batch_size: 2.5' }), /workload\.batch_size must be an integer ≥ 1 \(got 2\.5\)/],
  ['batch as text', plan({ w: '  name: Llama3_8B\n  batch_size: "32"' }), /workload\.batch_size must be an integer ≥ 1 \(got '32'\)/],
  ['zero seq_len', plan({ w: '  name: Llama3_8B\n  seq_len: 0' }), /workload\.seq_len must be an integer ≥ 1/],
  ['zero accelerators', plan({ h: '  name: H100\n  accelerators: 0' }), /hardware\.accelerators must be an integer ≥ 1 \(got 0\)/],
  ['indivisible accelerators', plan({ h: '  name: H100\n  accelerators: 10\n  accelerators_per_node: 4' }),
    /hardware\.accelerators \(10\) must be divisible by accelerators_per_node \(4\)/],
  ['node_count without per-node', plan({ h: '  name: H100\n  node_count: 4' }), /hardware\.accelerators_per_node is required with node_count/],
  ['inconsistent counts', plan({ h: '  name: H100\n  accelerators: 60\n  node_count: 8\n  accelerators_per_node: 8' }),
    /hardware\.accelerators must equal node_count × accelerators_per_node = 8 × 8 = 64 \(got 60\)/],
  ['nodes with accelerators', plan({ h: '  name: H100\n  nodes: 8\n  accelerators: 8' }), /hardware\.nodes cannot be combined with accelerators/],
  ['per-node alone', plan({ h: '  name: H100\n  accelerators_per_node: 8' }), /hardware\.accelerators_per_node needs node_count or accelerators/],
  ['efficiency above 1', plan({ h: '  name: H100\n  efficiency: 1.5' }), /hardware\.efficiency must be a number > 0 and ≤ 1 \(got 1\.5\)/],
  ['efficiency zero', plan({ h: '  name: H100\n  efficiency: 0' }), /hardware\.efficiency must be a number > 0/],
  ['unknown precision', plan({ h: '  name: H100\n  precision: fp9' }), /hardware\.precision must be one of fp32, .* \(got 'fp9'\)/],
  ['bandwidth with the wrong dimension', plan({ h: '  name: H100\n  intra_node_bw: "400 GB"' }), /hardware\.intra_node_bw must be a quantity in B\/s \(got '400 GB'/],
  ['bandwidth as a word', plan({ h: '  name: H100\n  fabric_bandwidth: fast' }), /hardware\.fabric_bandwidth must be a quantity in B\/s \(got 'fast'/],
  ['negative bandwidth', plan({ h: '  name: H100\n  fabric_bandwidth: "-5 GB/s"' }), /hardware\.fabric_bandwidth must be a number > 0 B\/s/],
  ['unknown unit', plan({ h: '  name: H100\n  fabric_bandwidth: "5 furlongs/s"' }), /hardware\.fabric_bandwidth .*unknown unit "furlongs"/],
  ['unknown model', plan({ w: '  name: Llama3_8' }), /workload\.name: Unknown model 'Llama3_8'\. Did you mean Llama3_8B/],
  ['unknown hardware', plan({ h: '  name: H10' }), /hardware\.name: Unknown hardware 'H10'\. Did you mean .*H100/],
  ['unknown region', plan({ x: 'ops:\n  region: Quebek' }), /ops\.region: Unknown grid 'Quebek'\. Did you mean Quebec/],
  ['model name missing', plan({ w: '  batch_size: 1' }), /workload\.name is required/],
  ['hardware missing', 'version: "1.0"\nworkload:\n  name: Llama3_8B\n', /hardware is required \(a map with keys name,/],
  ['hardware as a list', plan({ h: '  - H100' }), /hardware must be a map with keys name, .* \(got a list\)/],
  ['wrong version', plan({ v: '"2.0"' }), /version must be '1\.0' .*got '2\.0'/],
  ['negative duration', plan({ x: 'ops:\n  duration_days: -1' }), /ops\.duration_days must be a number of days > 0, or text with a unit such as '14 days' .*\(got -1\)/],
  ['min > max', plan({ x: 'constraints:\n  assert:\n    - {metric: performance.latency, min: 5, max: 2}' }),
    /constraints\.assert\[0\]\.min must be ≤ max \(got min 5 > max 2\)/],
  ['min > max across units', plan({ x: 'constraints:\n  assert:\n    - {metric: performance.latency, min: "1 s", max: 50}' }),
    /constraints\.assert\[0\]\.min must be ≤ max/],
  ['assert with neither bound', plan({ x: 'constraints:\n  assert:\n    - {metric: performance.latency}' }),
    /constraints\.assert\[0\] needs at least one of min and max/],
  ['assert on an unknown metric', plan({ x: 'constraints:\n  assert:\n    - {metric: performance.speed, max: 1}' }),
    /constraints\.assert\[0\]\.metric must be a scorecard metric .*valid: feasibility\.memory_used_gb/],
  ['assert bound of the wrong dimension', plan({ x: 'constraints:\n  assert:\n    - {metric: macro.carbon_footprint, max: "5 ms"}' }),
    /constraints\.assert\[0\]\.max must be a number in t/],
  ['assert list as a map', plan({ x: 'constraints:\n  assert: {metric: performance.latency}' }), /constraints\.assert must be a list of asserts/],
  ['malformed YAML', 'version: "1.0"\nworkload: {name: Llama3_8B\nhardware:\n  name: H100\n', /plan is not valid YAML or JSON at line \d+, column \d+/],
  ['duplicate keys', 'version: "1.0"\nversion: "1.0"\n', /plan is not valid YAML or JSON at line 2, column 1: Map keys must be unique/],
  ['empty document', '', /plan is empty/],
  ['comment-only document', '# nothing here\n', /plan is empty/],
  ['a list instead of a map', '- version: "1.0"\n', /^bad\.yaml: plan must be a map with keys version, name, workload/],
  ['a scalar document', 'hello', /plan must be a map .*\(got 'hello'\)/],
];

describe('malformed plans fail with a message naming the field', () => {
  it(`covers at least 30 cases (${MALFORMED.length})`, () => expect(MALFORMED.length).toBeGreaterThanOrEqual(30));
  for (const [what, text, pattern] of MALFORMED) {
    it(what, () => {
      const e = failure(() => loadPlanText(text, { filename: 'bad.yaml' }));
      expect(e.message).toMatch(pattern);
      expect(e.message.startsWith('bad.yaml')).toBe(true);
    });
  }
  it('unknown ids carry their suggestions', () => {
    expect(failure(() => loadPlanText(plan({ w: '  name: Llama3_8' }))).suggestions).toContain('Llama3_8B');
  });
  it('malformed YAML carries line and column', () => {
    const e = failure(() => loadPlanText('a: [1, 2\n'));
    expect(e.line).toBeGreaterThan(0);
    expect(e.column).toBeGreaterThan(0);
  });
  it('reports every problem at once, first path first', () => {
    const e = failure(() => loadPlanText(plan({ w: '  name: Llama3_8B\n  batch_size: 0', h: '  name: H100\n  efficiency: 2' })));
    expect(e.problems.map((p) => p.path)).toEqual(['workload.batch_size', 'hardware.efficiency']);
    expect(e.path).toBe('workload.batch_size');
  });
});

describe('assertSchema (§11.6)', () => {
  it('converts bounds with units to the display unit', () => {
    const a = assertSchema.parse({ metric: 'performance.latency', min: '1 ms', max: '0.05 s' });
    expect(assertBounds(a)).toEqual({ metric: 'performance.latency', min: 1, max: 50 });
    expect(assertBounds(assertSchema.parse({ metric: 'macro.carbon_footprint', max: '2000 kg' })).max).toBeCloseTo(2);
    expect(assertBounds(assertSchema.parse({ metric: 'feasibility.memory_utilization', max: '90 %' })).max).toBeCloseTo(0.9);
  });
  it('accepts min = max', () => {
    expect(assertSchema.safeParse({ metric: 'performance.mfu', min: 0.5, max: 0.5 }).success).toBe(true);
  });
});

describe('scenarioSchema', () => {
  const custom = { id: 'MyChip', peak_tflops: { fp16: 100 }, memory_capacity_gb: 16, memory_bandwidth_gbs: 500 };
  it('accepts catalogue ids, a fleet, overrides with units, asserts and sweeps', () => {
    const r = loadScenarioText(JSON.stringify({
      model: 'Llama3_8B', hardware: 'H100', system: { node_count: 2, accelerators_per_node: 8, fabric: 'InfiniBand_NDR' },
      region: 'Quebec', ops: { duration_days: 1 },
      overrides: { 'communication.fabric_bandwidth': '50 GB/s', 'communication.tp': 8 },
      asserts: [{ metric: 'performance.latency', max: '50 ms' }],
      sweeps: [{ x: { cell: 'scenario.batch_size', start: 1, stop: 256, points: 9, scale: 'log' }, outputs: ['performance.latency'] }],
    }));
    expect(r.scenario.mode).toBe('training');
    // auto: tp = 8 is held, the layout search fills the other layout cells (never switched off).
    expect(r.scenario.layout).toBe('auto');
  });
  it('accepts a custom device validated by the registry schema', () => {
    expect(loadScenarioText(`model: Llama3_8B\nhardware: ${JSON.stringify(custom)}\n`).scenario.mode).toBe('inference');
  });
  it('names the bad field inside a custom device', () => {
    const e = failure(() => loadScenarioText(JSON.stringify({ model: 'Llama3_8B', hardware: { ...custom, memory_bandwidth_gbs: -1 } })));
    expect(e.message).toMatch(/hardware\.memory_bandwidth_gbs must be a number > 0 \(got -1\)/);
  });
  it('a cluster id implies its device', () => {
    expect(loadScenarioText('model: Llama3_8B\nhardware: H100\nsystem: Lab_64_H100\n').scenario).toMatchObject({ mode: 'training', layout: 'auto' });
    expect(failure(() => loadScenarioText('model: Llama3_8B\nhardware: A100\nsystem: Lab_64_H100\n')).message)
      .toMatch(/system \('Lab_64_H100'\) is built from H100, but hardware is A100/);
  });
  it('rejects unknown keys, bad cell ids, bad modes and unknown ids', () => {
    expect(failure(() => loadScenarioText('model: Llama3_8B\nhardware: H100\nmodes: training\n')).message).toMatch(/modes is not a known key \(did you mean mode\?/);
    expect(failure(() => loadScenarioText('model: Llama3_8B\nhardware: H100\noverrides: {BatchSize: 3}\n')).message).toMatch(/overrides key must be a cell id <scope>\.<name> .*\(got 'BatchSize'\)/);
    expect(failure(() => loadScenarioText('model: Llama3_8B\nhardware: H100\nmode: train\n')).message).toMatch(/mode must be one of inference, serving, training \(got 'train'\)/);
    expect(failure(() => loadScenarioText('model: Llama3_8B\nhardware: H100\nsystem: Lab_64\n')).message).toMatch(/system: Unknown system .*Lab_64_H100/);
    expect(failure(() => loadScenarioText('model: 5\nhardware: H100\n')).message).toMatch(/model must be a catalogue model id or a custom model map \(got 5\)/);
  });
  it('accepts layout auto with layout overrides (those are held, the rest searched); rejects a log sweep from 0', () => {
    expect(scenarioSchema.safeParse({ model: 'a', hardware: 'b', layout: 'auto', overrides: { 'communication.tp': 2 } }).success).toBe(true);
    const e = failure(() => loadScenarioText(JSON.stringify({
      model: 'Llama3_8B', hardware: 'H100',
      sweeps: [{ x: { cell: 'scenario.batch_size', start: 0, stop: 8, points: 4, scale: 'log' }, outputs: ['performance.latency'] }],
    })));
    expect(e.message).toMatch(/sweeps\[0\]\.x\.start must be > 0 on a log scale/);
  });
});

describe('workbookSchema', () => {
  const good: Workbook = {
    schema_version: 1, id: 'wb1', name: 'Lecture 3', created: '2025-01-31T12:00:00Z', updated: '2025-02-01T08:30:00.000Z',
    scenarios: [
      { id: 's1', name: '8B on H100', scenario: { model: 'Llama3_8B', hardware: 'H100', overrides: { 'scenario.batch_size': 32 } } },
      { id: 's2', name: 'fleet', scenario: { model: 'Llama3_70B', hardware: 'H100', system: 'Lab_64_H100' }, notes: 'x' },
    ],
    sweeps: [{ id: 'sw1', scenario_id: 's1', x: { cell: 'scenario.batch_size', start: 1, stop: 256, points: 9, scale: 'log' },
      y: { cell: 'scenario.context_len', start: '1 token', stop: 8192, points: 4, scale: 'linear' }, outputs: ['performance.latency'] }],
    notes: '', active_scenario_id: 's2',
  };
  it('accepts a good workbook', () => expect(workbookSchema.parse(good)).toEqual(good));
  const bad: [string, unknown, string][] = [
    ['future version', { ...good, schema_version: 2 }, 'schema_version'],
    ['bad timestamp', { ...good, created: 'yesterday' }, 'created'],
    ['updated before created', { ...good, updated: '2024-01-01T00:00:00Z' }, 'updated'],
    ['duplicate scenario id', { ...good, scenarios: [good.scenarios[0], good.scenarios[0]] }, 'scenarios[1].id'],
    ['sweep of a missing scenario', { ...good, sweeps: [{ ...good.sweeps[0], scenario_id: 'nope' }] }, 'sweeps[0].scenario_id'],
    ['missing active scenario', { ...good, active_scenario_id: 'nope' }, 'active_scenario_id'],
    ['sweep with one point', { ...good, sweeps: [{ ...good.sweeps[0], x: { ...good.sweeps[0].x, points: 1 } }] }, 'sweeps[0].x.points'],
    ['sweep without outputs', { ...good, sweeps: [{ ...good.sweeps[0], outputs: [] }] }, 'sweeps[0].outputs'],
    ['bad scenario inside', { ...good, scenarios: [{ ...good.scenarios[0], scenario: { model: 'Llama3_8B' } }] }, 'scenarios[0].scenario.hardware'],
    ['unknown key', { ...good, extra: 1 }, 'extra'],
    ['notes missing', { ...good, notes: undefined }, 'notes'],
  ];
  for (const [what, doc, path] of bad) {
    it(`rejects ${what} at ${path}`, () => {
      const r = workbookSchema.safeParse(doc, { reportInput: true });
      expect(r.success).toBe(false);
      const problems = r.success ? [] : r.error.issues;
      expect(formatIssues(problems, 'workbook').map((p) => p.path)).toContain(path);
    });
  }
});
