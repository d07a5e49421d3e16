/** fast-check arbitraries for workbooks that satisfy workbookSchema (names with HTML, script and unicode). */
import fc from 'fast-check';
import type { Scenario, Workbook } from '../../src/scenario/index.js';

const NASTY_TEXT = [
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"; DROP TABLE workbooks; --', '💥 ünïcødé — 日本語',
  '\u202eevil', '&lt;b&gt;', '__proto__', 'constructor', '\n\t', '',
];

/** Free text: random unicode strings or known-nasty ones. */
export const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom(...NASTY_TEXT));
const nonEmpty = fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), fc.constantFrom('<b>x</b>', 'a&b', '🚀'));
/** A finite JSON-safe number (no -0: JSON writes it as 0). */
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0));
const positive = fc.double({ min: 1e-6, max: 1e9, noNaN: true });

const scenario: fc.Arbitrary<Scenario> = fc.record({
  name: text,
  description: text,
  model: fc.constantFrom('Llama3_8B', 'Llama3_70B', 'ResNet50', 'GPT2'),
  hardware: fc.constantFrom('H100', 'A100', 'ESP32_S3'),
  system: fc.oneof(
    fc.constantFrom('Training_1K', 'Lab_64_H100'),
    fc.record({ node_count: fc.integer({ min: 1, max: 512 }), accelerators_per_node: fc.integer({ min: 1, max: 8 }) }),
  ),
  region: fc.constantFrom('Quebec', 'Poland', 'US_Avg'),
  mode: fc.constantFrom('inference', 'serving', 'training'),
  ops: fc.record({ duration_days: positive }, { requiredKeys: [] }),
  layout: fc.constantFrom('auto', 'given'),
  overrides: fc.dictionary(
    fc.constantFrom('scenario.batch_size', 'scenario.precision', 'communication.fabric_bandwidth', 'infra.pue'),
    fc.oneof(finite, text, fc.boolean(), fc.constant(null)),
  ),
  asserts: fc.array(fc.record({ metric: fc.constantFrom('performance.latency', 'macro.tco_usd'), max: positive }), { maxLength: 2 }),
}, { requiredKeys: ['model', 'hardware'] });

const axis = fc.record({
  cell: fc.constantFrom('scenario.batch_size', 'scenario.context_len'),
  start: positive,
  stop: fc.oneof(positive, fc.constantFrom('1 GB/s', '40 ms')),
  points: fc.integer({ min: 2, max: 100 }),
  scale: fc.constantFrom('linear' as const, 'log' as const),
});

/** A valid workbook: unique scenario and sweep ids, sweeps and the active id naming scenarios, updated ≥ created. */
export const workbookArb: fc.Arbitrary<Workbook> = fc
  .record({
    id: nonEmpty,
    name: text,
    created: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true }),
    ageMs: fc.integer({ min: 0, max: 1e11 }),
    scenarios: fc.uniqueArray(fc.record({ id: nonEmpty, name: text, scenario, notes: text }, { requiredKeys: ['id', 'name', 'scenario'] }),
      { selector: (s) => s.id, minLength: 1, maxLength: 4 }),
    sweepCount: fc.integer({ min: 0, max: 3 }),
    x: axis,
    y: fc.option(axis, { nil: undefined }),
    notes: text,
    pickActive: fc.option(fc.nat(), { nil: undefined }),
  })
  .map(({ created, ageMs, scenarios, sweepCount, x, y, pickActive, ...rest }) => {
    const wb: Workbook = {
      schema_version: 1,
      ...rest,
      created: created.toISOString(),
      updated: new Date(created.getTime() + ageMs).toISOString(),
      scenarios,
      sweeps: Array.from({ length: sweepCount }, (_, i) => ({
        id: `sweep-${i}`, scenario_id: scenarios[i % scenarios.length].id, x, ...(y ? { y } : {}), outputs: ['performance.latency'],
      })),
    };
    if (pickActive !== undefined) wb.active_scenario_id = scenarios[pickActive % scenarios.length].id;
    return wb;
  });
