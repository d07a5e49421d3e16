import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluate, type Workbook } from '../../src/scenario/index.js';
import {
  cellRows, compareCsv, CompareView, compareColumns, deltaOf, deltaText, differingOverrides, lensRows, metricRows, relativeText, wallRows,
} from '../../src/ui/components/compare/index.js';
import { freshIndexedDb, started } from './workbook-helpers.js';
import { FIRST_BUILD_DEFAULTS } from '../helpers/first-build.js'; // §12.1's η 0.5, η_bw 1, power model (issue 19)

afterEach(cleanup);
beforeEach(freshIndexedDb);

const T = '2025-01-01T00:00:00.000Z';
/** Llama-3-8B decode on one H100 at batch 1 and 64 (physics.md §12.1), and Llama-3-70B at batch 1 (§12.1, offload regime). */
const WB: Workbook = {
  schema_version: 1, id: 'wb', name: 'Batch', created: T, updated: T, notes: '', sweeps: [], active_scenario_id: 'b1',
  scenarios: [
    { id: 'b1', name: 'Batch 1', scenario: { model: 'Llama3_8B', hardware: 'H100', overrides: { ...FIRST_BUILD_DEFAULTS } } },
    { id: 'b64', name: 'Batch 64', scenario: { model: 'Llama3_8B', hardware: 'H100', overrides: { ...FIRST_BUILD_DEFAULTS, 'scenario.batch_size': 64 } } },
    { id: 'big', name: '70B', scenario: { model: 'Llama3_70B', hardware: 'H100', overrides: { ...FIRST_BUILD_DEFAULTS } } },
  ],
};

const rowOf = <R extends { cell: string }>(rows: readonly R[], cell: string): R => rows.find((r) => r.cell === cell)!;

describe('deltaOf(v0, v): Δ = v − v0, Δ% = Δ / |v0| × 100', () => {
  it('signs follow Δ; no Δ% against 0; nothing for ∞, errors or text', () => {
    expect(deltaOf(4, 5)).toEqual({ delta: 1, relative: 25 });
    expect(deltaOf(-4, -5)).toEqual({ delta: -1, relative: -25 });
    expect(deltaOf(0, 3)).toEqual({ delta: 3 });
    expect(deltaOf(null, 3)).toEqual({});
    expect(deltaOf(2, undefined)).toEqual({});
    expect(deltaOf('Memory', 'Compute')).toEqual({});
    expect(deltaText(5.04814)).toBe('+5.048');
    expect(deltaText(-0.5)).toBe('−0.5');
    expect(relativeText(97.0019)).toBe('+97 %');
    expect(relativeText(-12.345)).toBe('−12.35 %');
  });
});

describe('compare: batch 1 against batch 64 (physics.md §12.1)', () => {
  const cols = compareColumns(WB, ['b1', 'b64']);

  it('latency 5.20416 → 10.2523 ms: Δ 5.04814 ms, Δ% 97.0019', () => {
    const r = rowOf(metricRows(cols), 'performance.latency');
    expect(r.unit).toBe('ms');
    expect(r.values[0]).toBeCloseTo(5.20416, 4);
    expect(r.values[1]).toBeCloseTo(10.2523, 3);
    expect(r.delta[0]).toBeUndefined();
    expect(r.delta[1]).toBeCloseTo(10.2523 - 5.20416, 3);
    expect(r.relative[1]).toBeCloseTo(((10.2523 - 5.20416) / 5.20416) * 100, 2);
  });

  it('memory used 16.3286 → 33.2483 GB: Δ 16.9197 GB, Δ% 103.62', () => {
    const r = rowOf(metricRows(cols), 'feasibility.memory_used_gb');
    expect(r.delta[1]).toBeCloseTo(33.2483 - 16.3286, 3);
    expect(r.relative[1]).toBeCloseTo(((33.2483 - 16.3286) / 16.3286) * 100, 2);
  });

  it('a chosen cell: resident KV = B·x·kv_tok (§2.6), so Δ = 63 × 2048 × 131 072 B and Δ% = 6300 exactly', () => {
    const [kv] = cellRows(cols, ['workload.kv_bytes']);
    expect(kv.unit).toBe('B');
    expect(kv.values).toEqual([2048 * 131072, 64 * 2048 * 131072]);
    expect(kv.delta[1]).toBe(63 * 2048 * 131072);
    expect(kv.relative[1]).toBe(6300);
    const [missing] = cellRows(cols, ['no.such_cell']);
    expect(missing.values).toEqual([undefined, undefined]);
    expect(missing.notes).toEqual(['not in this scenario', 'not in this scenario']);
  });

  it('every column equals the library evaluating that scenario on its own', () => {
    for (const [i, id] of ['b1', 'b64'].entries()) {
      const alone = evaluate(WB.scenarios.find((s) => s.id === id)!.scenario);
      for (const lens of ['feasibility', 'performance', 'macro'] as const) {
        expect(cols[i].evaluation!.card[lens].status).toBe(alone.card[lens].status);
        for (const [key, m] of Object.entries(alone.card[lens].metrics)) {
          // A fraction is shown in % (as the scorecard shows it): exactly 100 × the library's value.
          const shown = m.unit === 'fraction' && typeof m.value === 'number' ? m.value * 100 : m.value;
          expect(rowOf(metricRows(cols), `${lens}.${key}`).values[i]).toBe(shown);
        }
      }
      expect(cols[i].evaluation!.walls.map((w) => w.status)).toEqual(alone.walls.map((w) => w.status));
    }
  });

  it('rows are labelled in words with units, never raw ids (the scorecard\'s words, scenario/metric-labels.ts)', () => {
    const rows = metricRows(cols);
    expect(rowOf(rows, 'performance.latency').label).toBe('Latency per step (ms)');
    expect(rowOf(rows, 'feasibility.memory_used_gb').label).toBe('Memory used (GB)');
    // Memory utilisation in %: M_foot / C = (16.06e9 + 2048·131 072 + 16·4096·2) / 80e9 = 20.41070816 % at batch 1.
    const util = rowOf(rows, 'feasibility.memory_utilization');
    expect(util).toMatchObject({ label: 'Memory utilisation (%)', unit: '%' });
    expect(util.values[0]).toBeCloseTo(((16.06e9 + 2048 * 131_072 + 16 * 4096 * 2) / 80e9) * 100, 9);
    for (const r of rows) expect(r.label, r.cell).not.toBe(r.cell);
    const [kv, batch] = cellRows(cols, ['workload.kv_bytes', 'scenario.batch_size']);
    expect(kv.label).toMatch(/ \(B\)$/);
    expect(kv.label).not.toContain('workload.');
    expect(batch.label).toBe('Batch size (sequences)');
    expect(lensRows(cols).map((r) => r.label)).toEqual(['Feasibility', 'Performance', 'Macro']);
  });

  it('the CSV export carries full names, ids, units and exact values: Δ = 63 × 2048 × 131 072 B for the KV cache', () => {
    const long = 'Llama-3-8B decode at batch 64, a name longer than any column of the table shows';
    const named = cols.map((c, i) => (i === 1 ? { ...c, name: long } : c));
    const csv = compareCsv(named, [
      { name: 'Scorecard', status: [{ label: 'Feasibility status', key: 'feasibility', statuses: ['PASS', 'PASS'] }], rows: metricRows(named) },
      { name: 'Cells', rows: cellRows(named, ['workload.kv_bytes']) },
    ]);
    const lines = csv.trimEnd().split('\n');
    // The name holds a comma: quoted whole (RFC 4180), never cut.
    expect(lines[0]).toBe(`section,quantity,cell,unit,Batch 1,"${long}","Δ ${long} vs Batch 1","Δ% ${long} vs Batch 1"`);
    expect(lines[1]).toBe('Scorecard,Feasibility status,feasibility,,PASS,PASS,,');
    expect(lines).toContain(`Cells,${cellRows(named, ['workload.kv_bytes'])[0].label},workload.kv_bytes,B,${2048 * 131072},${64 * 2048 * 131072},${63 * 2048 * 131072},6300`);
    expect(lines.find((l) => l.startsWith('Scorecard,Latency per step (ms),performance.latency,ms,'))).toBeDefined();
  });

  it('the differing overrides are the first cells offered', () => {
    expect(differingOverrides(WB, ['b1', 'b64'])).toEqual(['scenario.batch_size']);
    expect(differingOverrides(WB, ['b1', 'big'])).toEqual([]);
  });
});

describe('compare: statuses', () => {
  it('Llama-3-70B at batch 1 spills out of 80 GB (§12.1 offload): wall 2 and Feasibility FAIL, marked as differing', () => {
    const cols = compareColumns(WB, ['b1', 'big']);
    const feasibility = lensRows(cols).find((r) => r.key === 'feasibility')!;
    expect(feasibility.statuses).toEqual(['PASS', 'FAIL']);
    expect(feasibility.differs).toBe(true);
    const walls = wallRows(cols);
    expect(walls).toHaveLength(22);
    expect(walls[1]).toMatchObject({ key: '2', statuses: ['PASS', 'FAIL'], differs: true });
    expect(walls[0].differs).toBe(false);
  });

  it('a scenario that cannot be built is a column with its reason, not a crash', () => {
    const bad: Workbook = { ...WB, scenarios: [...WB.scenarios, { id: 'bad', name: 'Bad', scenario: { model: 'NoSuchModel', hardware: 'H100' } }] };
    const cols = compareColumns(bad, ['b1', 'bad']);
    expect(cols[1].error).toMatch(/NoSuchModel/);
    expect(rowOf(metricRows(cols), 'performance.latency').values[1]).toBeUndefined();
    expect(lensRows(cols)[0].statuses).toEqual(['PASS', undefined]);
  });
});

describe('CompareView', () => {
  it('shows the picked scenarios side by side; cells can be added; unpicking leaves one and asks for two', async () => {
    const m = await started();
    m.scenario.setInput('scenario.batch_size', 1);
    m.scenario.setInput('scenario.bandwidth_efficiency', 1); // §12.1's η_bw (issue 19 made 0.90 the HBM default)
    m.session.addScenario('Batch 64');
    m.scenario.setInput('scenario.batch_size', 64);
    m.scenario.setInput('scenario.bandwidth_efficiency', 1);
    const { container } = render(() => <CompareView session={m.session} />);
    const heads = [...container.querySelectorAll('[data-compare-table="scorecard"] [data-col-head]')].map((h) => h.textContent);
    expect(heads).toEqual(['Llama3_8B on H100', 'Batch 64']);
    const latency = container.querySelector('[data-compare-table="scorecard"] [data-compare-row="performance.latency"]')!;
    // Words with units in the row heads; the id only in the tooltip.
    expect(latency.querySelector('[data-row-label]')!.textContent).toBe('Latency per step (ms)');
    expect(latency.querySelector('[data-row-label]')!.getAttribute('title')).toBe('performance.latency');
    const rowHeads = [...container.querySelectorAll('[data-compare-table] th[scope="row"]')].map((h) => h.textContent ?? '');
    expect(rowHeads.filter((h) => /\b[a-z_]+\.[a-z0-9_]+\b/.test(h))).toEqual([]);
    expect(Number(latency.querySelector('[data-delta]')!.getAttribute('data-delta'))).toBeCloseTo(10.2523 - 5.20416, 3);
    expect(latency.querySelector('[data-relative]')!.textContent).toBe('+97 %');
    expect(container.querySelectorAll('[data-compare-table="walls"] [data-status-row]')).toHaveLength(22);
    // The batch size differs, so it is offered as a cell at once.
    expect(container.querySelector('[data-compare-table="cells"] [data-compare-row="scenario.batch_size"]')).not.toBeNull();

    const input = container.querySelector<HTMLInputElement>('[data-compare-cell-input]')!;
    fireEvent.input(input, { target: { value: 'workload.kv_bytes' } });
    fireEvent.click(container.querySelector('[data-compare-add-cell]')!);
    const kv = container.querySelector('[data-compare-table="cells"] [data-compare-row="workload.kv_bytes"]')!;
    expect(kv.querySelector('[data-relative]')!.getAttribute('data-relative')).toBe('6300');
    fireEvent.input(input, { target: { value: 'nope.cell' } });
    fireEvent.click(container.querySelector('[data-compare-add-cell]')!);
    expect(container.querySelector('.compare-add [role="alert"]')!.textContent).toMatch(/no cell 'nope\.cell'/);

    fireEvent.click(container.querySelector('[data-only-differing]')!);
    expect(container.querySelectorAll('[data-compare-table="walls"] [data-status-row]')).toHaveLength(0);
    fireEvent.click(container.querySelector('[data-compare-pick="scenario-2"]')!);
    expect(container.querySelector('[data-compare-hint]')!.textContent).toMatch(/Pick two or more/);
    await m.close();
  });
});
