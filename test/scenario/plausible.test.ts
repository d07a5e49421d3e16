/**
 * Bare numbers: read in SI, and when that reading is implausible for the quantity, a warning
 * with the reading and the likely intent. The ranges come from one table (src/scenario/plausible.ts).
 */
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../../src/scenario/index.js';
import {
  bareNumberWarning, fleetSizeProblem, MAX_ACCELERATORS, PLAUSIBLE, plausibleRange,
} from '../../src/scenario/plausible.js';
import { registry } from '../../src/registry/index.js';

const bandwidth = { id: 'hardware.memory_bandwidth', unit: 'B/s' };

describe('bareNumberWarning: the reading and the likely intent', () => {
  it('4 for an H100 memory bandwidth (shown in TB/s) reads as 4 B/s and meant 4 TB/s', () => {
    const w = bareNumberWarning('hardware.memory_bandwidth', '4', 4, bandwidth, 3.35e12);
    expect(w).toMatch(/^hardware\.memory_bandwidth=4 read as 4 B\/s — did you mean 4 TB\/s\?/);
    expect(w).toContain('1 MB/s … 100 PB/s');
  });

  it('80 for a memory capacity of 80 GB reads as 80 B and meant 80 GB', () => {
    expect(bareNumberWarning('hardware.memory_capacity', '80', 80, { id: 'hardware.memory_capacity', unit: 'B' }, 8e10))
      .toMatch(/read as 80 B — did you mean 80 GB\?/);
  });

  it('a duration shown in days: 14 reads as 14 s and meant 14 days', () => {
    const cell = { id: 'capital.duration', unit: 's', displayUnit: 'day' };
    expect(bareNumberWarning('capital.duration', '14', 14, cell, 86400)).toMatch(/read as 14 s — did you mean 14 days\?/);
  });

  it('an inter-token latency target of 50 (no value yet) reads as 50 s and meant 50 ms', () => {
    // Range 10 µs … 10 s; its middle, 10 ms, is shown in ms.
    expect(bareNumberWarning('serving.itl_target', '50', 50, { id: 'serving.itl_target', unit: 's' }, null))
      .toMatch(/read as 50 s — did you mean 50 ms\?/);
  });

  it('a carbon intensity of 366 (shown in g/kWh) meant 366 g/kWh (1.0167e-4 g/J)', () => {
    const cell = { id: 'infra.carbon_intensity', unit: 'g/J', displayUnit: 'g/kWh' };
    expect(bareNumberWarning('infra.carbon_intensity', '366', 366, cell, 366 / 3.6e6)).toMatch(/did you mean 366 g\/kWh\?/);
  });

  it('the display unit first; when it is out of range too, the nearest prefix that brings the number into range', () => {
    // 0.5 TB/s = 5e11 B/s, in range: the display unit wins.
    expect(bareNumberWarning('hardware.memory_bandwidth', '0.5', 0.5, bandwidth, 2e12)).toMatch(/did you mean 0\.5 TB\/s\?/);
    // 2e-4 read in TB/s is 200 MB/s, in range; read in GB/s 200 kB/s is not: the display unit (TB/s) still wins.
    expect(bareNumberWarning('hardware.memory_bandwidth', '0.0002', 2e-4, bandwidth, 2e12)).toMatch(/did you mean 0\.0002 TB\/s\?/);
    // 2e-7 TB/s = 200 kB/s is out of range; the nearest prefix up, PB/s, gives 200 MB/s.
    expect(bareNumberWarning('hardware.memory_bandwidth', '2e-7', 2e-7, bandwidth, 2e12)).toMatch(/did you mean 2e-7 PB\/s\?/);
  });

  it('says nothing for a plausible reading, zero, a negative number or a quantity without a row', () => {
    expect(bareNumberWarning('hardware.memory_bandwidth', '4e12', 4e12, bandwidth, 3.35e12)).toBeUndefined();
    expect(bareNumberWarning('sustainability.host_power', '0', 0, { id: 'sustainability.host_power', unit: 'W' }, 0)).toBeUndefined();
    expect(bareNumberWarning('hardware.memory_bandwidth', '-4', -4, bandwidth, 3.35e12)).toBeUndefined();
    expect(bareNumberWarning('scenario.batch_size', '1e9', 1e9, { id: 'scenario.batch_size', unit: 'sequences' }, 1)).toBeUndefined();
  });
});

describe('PLAUSIBLE: one table, per cell then per dimension', () => {
  it('a cell row wins over its unit row: link latencies and deployment durations are both seconds', () => {
    expect(plausibleRange('communication.fabric_latency', 's')?.max).toBe(1);
    expect(plausibleRange('capital.duration', 's')?.min).toBe(600);
    expect(plausibleRange('fragility.restart_time', 's')?.what).toMatch(/^durations/);
  });

  it('every row says what it bounds and why, with min < max', () => {
    for (const r of PLAUSIBLE) {
      expect(r.what.length, r.unit).toBeGreaterThan(10);
      expect(r.min).toBeLessThan(r.max);
    }
  });

  it('no catalogue or default value is implausible (every device, three modes, every cluster)', () => {
    const reg = registry();
    const scenarios: Record<string, unknown>[] = [];
    for (const d of reg.ids('hardware')) {
      scenarios.push({ model: 'Llama3_8B', hardware: d, ops: { duration_days: 14 } });
      scenarios.push({ model: 'Llama3_8B', hardware: d, mode: 'serving' });
    }
    for (const c of reg.ids('cluster')) scenarios.push({ model: 'Llama3_70B', hardware: reg.resolveCluster(c).device.id, system: c, ops: {} });
    for (const g of reg.ids('grid')) scenarios.push({ model: 'Llama3_8B', hardware: 'H100', region: g, ops: {} });
    const implausible: string[] = [];
    for (const s of scenarios) {
      const g = buildScenario(s).graph;
      for (const id of g.topology.inputIds) {
        const def = g.def(id);
        const v = g.rawInput(id);
        if (def.kind !== 'input' || typeof v !== 'number') continue;
        const w = bareNumberWarning(id, String(v), v, def, v);
        if (w) implausible.push(`${String(s.hardware)}: ${w}`);
      }
    }
    expect(implausible).toEqual([]);
  });
});

describe('fleet size limit', () => {
  it('the largest cluster built (200 000 GPUs) and the catalogue Mega_100K are within it', () => {
    expect(fleetSizeProblem(200_000)).toBeUndefined();
    expect(fleetSizeProblem(registry().resolveCluster('Mega_100K').cluster.accelerator_count)).toBeUndefined();
    expect(fleetSizeProblem(MAX_ACCELERATORS)).toBeUndefined();
  });

  it('a billion accelerators is refused with the reason', () => {
    expect(fleetSizeProblem(1e9)).toMatch(/1,000,000,000 accelerators, more than the 10,000,000 .*200 000 GPUs/);
  });
});
