import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDimensions, type Plain } from '../../../src/graph/index.js';
import { dalyInterval, fragilityWall, goodputExact, youngInterval } from '../../../src/nodes/fleet/fragility.js';
import { FIRST_BUILD_RELIABILITY } from '../../helpers/first-build.js';
import { casesForWalls, expectClose, type GoldenCase } from '../../helpers/golden.js';
import { context, DGX_H100_128, LLAMA3_70B, LLAMA3_8B } from '../fixtures.js';
import { commonCells } from '../../../src/nodes/common/index.js';
import { openInputs } from '../../helpers/standalone.js';
import { FLEET_FACTORIES, fleetGraph, numberOf, standIn, valueOf, wallsOnlyGraph } from './graph.js';

const HOUR = 3600;

/** A golden formula case's inputs (hours, seconds) as cell values (SI seconds). */
export function reliabilityValues(c: GoldenCase): Record<string, Plain> {
  const i = c.inputs as Record<string, number>;
  const out: Record<string, Plain> = {};
  const set = (key: string, id: string, scale = 1) => {
    if (key in i) out[id] = i[key] * scale;
  };
  set('num_nodes', 'communication.num_nodes');
  set('gpus_per_node', 'fragility.gpus_per_node');
  set('nics_per_node', 'fragility.nics_per_node');
  set('psus_per_node', 'fragility.psus_per_node');
  set('psus_required', 'fragility.psus_required');
  set('host_failure_rate_per_h', 'fragility.host_failure_rate', 1 / HOUR);
  set('network_failure_rate_per_h', 'fragility.network_failure_rate', 1 / HOUR);
  set('software_failure_rate_per_h', 'fragility.software_failure_rate', 1 / HOUR);
  set('mttf_gpu_h', 'fragility.mttf_gpu', HOUR);
  set('mttf_nic_h', 'fragility.mttf_nic', HOUR);
  set('mttf_psu_h', 'fragility.mttf_psu', HOUR);
  set('checkpoint_time_s', 'fragility.checkpoint_time');
  set('restart_time_s', 'fragility.restart_time');
  set('job_duration_s', 'fragility.job_duration');
  set('job_duration_h', 'fragility.job_duration', HOUR);
  set('checkpoint_interval_s', 'fragility.checkpoint_interval_user');
  // A given cluster MTBF: one node whose MTTF is that MTBF.
  if ('cluster_mtbf_h' in i) Object.assign(out, { 'communication.num_nodes': 1, 'fragility.node_mttf_override': i.cluster_mtbf_h * HOUR });
  return out;
}

/** Walls 15 and 19 in training mode over the shared cells, workload values as stand-ins (70B, bf16, AdamW). */
function reliabilityGraph(values: Record<string, Plain>) {
  return wallsOnlyGraph(context('training', LLAMA3_70B, undefined, DGX_H100_128), {
    'workload.params': 70.6e9, 'software.efficiency_effective': 0.5,
  }, { 'scenario.precision': 'bf16', ...values });
}

describe('wall 15: fragility — golden cases', () => {
  for (const c of casesForWalls('15').filter((x) => x.kind === 'formula')) {
    it(`${c.id}`, () => {
      const g = reliabilityGraph(reliabilityValues(c));
      for (const [id, want] of Object.entries(c.expected)) expectClose(valueOf(g, id), want, c.tolerance_rel, id);
      const u = (c.expected_unnamed ?? {}) as Record<string, number>;
      if ('node_failure_rate_per_h' in u) expectClose(numberOf(g, 'fragility.node_failure_rate') * HOUR, u.node_failure_rate_per_h, c.tolerance_rel);
      if ('node_mtbf_h' in u) expectClose(numberOf(g, 'fragility.node_mtbf') / HOUR, u.node_mtbf_h, c.tolerance_rel);
      if ('cluster_mtbf_h' in u) expectClose(numberOf(g, 'fragility.cluster_mtbf') / HOUR, u.cluster_mtbf_h, c.tolerance_rel);
      if ('goodput_first_order' in u) expectClose(numberOf(g, 'fragility.goodput_first_order'), u.goodput_first_order, c.tolerance_rel);
    });
  }
});

describe('wall 15: failure rates from the Llama 3 root-cause table', () => {
  // 54 days on 16,384 H100 in 2,048 servers: 21,233,664 GPU-hours, 2,654,208 server-hours.
  const gpuHours = 16384 * 54 * 24;
  const nodeHours = 2048 * 54 * 24;

  it('the defaults are the table\'s counts over their exposure: GPU 268, NIC 7 (8 per server), host 46, network 35, software 63', () => {
    const g = reliabilityGraph({ 'fragility.checkpoint_time': 60 });
    expectClose(numberOf(g, 'fragility.mttf_gpu') / HOUR, gpuHours / 268, 1e-12, 'GPU MTTF');
    expectClose(numberOf(g, 'fragility.mttf_nic') / HOUR, gpuHours / 7, 1e-12, 'NIC MTTF');
    expectClose(numberOf(g, 'fragility.host_failure_rate') * HOUR, 46 / nodeHours, 1e-12, 'host');
    expectClose(numberOf(g, 'fragility.network_failure_rate') * HOUR, 35 / nodeHours, 1e-12, 'network');
    expectClose(numberOf(g, 'fragility.software_failure_rate') * HOUR, 63 / nodeHours, 1e-12, 'software');
  });

  it('a DGX server of 8 GPUs, 8 NICs and 2 redundant PSUs fails at 419/2,654,208 per hour; 2,048 of them see 419 interruptions in 54 days', () => {
    const g = reliabilityGraph({ 'fragility.checkpoint_time': 60, 'fragility.psus_per_node': 2, 'communication.num_nodes': 2048, 'fragility.job_duration': 54 * 86400 });
    // (268 + 7 + 46 + 35 + 63) events over 2,654,208 node-hours; the PSUs (1 + 1) never stop the node on their own.
    expectClose(numberOf(g, 'fragility.node_failure_rate') * HOUR, 419 / nodeHours, 1e-12, 'λ_n');
    expectClose(numberOf(g, 'fragility.expected_failures'), 419, 1e-9, 'failures');
    expectClose(numberOf(g, 'fragility.interruptions_per_day'), 419 / 54, 1e-9, 'per day');
  });

  it('redundant power supplies are no series failure point: 2 needed of 2 add 2/MTTF_psu, 1 needed of 2 (N+N) adds nothing', () => {
    const g = reliabilityGraph({ ...FIRST_BUILD_RELIABILITY, 'fragility.checkpoint_time': 60, 'fragility.psus_per_node': 2 });
    const series = numberOf(g, 'fragility.node_failure_rate') * HOUR;
    expectClose(series, 8 / 50000 + 8 / 150000 + 2 / 100000, 1e-12, 'series');
    g.set('fragility.psus_required', 1);
    expectClose(numberOf(g, 'fragility.node_failure_rate') * HOUR, 8 / 50000 + 8 / 150000, 1e-12, 'N+N');
    g.set('fragility.psus_required', null); // unset: half of them are spares
    expectClose(numberOf(g, 'fragility.node_failure_rate') * HOUR, 8 / 50000 + 8 / 150000, 1e-12, 'default N+N');
    g.set('fragility.psus_required', 3);
    const v = g.get('fragility.node_failure_rate');
    expect(!v.ok && v.error.kind).toBe('invalid_input');
  });

  it('expected interruptions are proportional to the fleet size', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 4096 }), fc.integer({ min: 2, max: 8 }), (n, k) => {
      const g = reliabilityGraph({ 'fragility.checkpoint_time': 60, 'communication.num_nodes': n, 'fragility.job_duration': 86400 });
      const a = numberOf(g, 'fragility.expected_failures');
      g.set('communication.num_nodes', k * n);
      return Math.abs(numberOf(g, 'fragility.expected_failures') - k * a) <= 1e-9 * k * a;
    }), { numRuns: 25 });
  });
});

describe('wall 15: formulas and rules', () => {
  it('Young, Daly and goodput as §12.5 prints them', () => {
    const m = 120535.714286; // 33.4821 h
    expectClose(youngInterval(60, m), 3803.19414628, 1e-9);
    expectClose(dalyInterval(60, m), 3763.29932103, 1e-9);
    expectClose(goodputExact(3763.29932103, 60, 300, m), 0.966370366028, 1e-9);
    expect(dalyInterval(300, 100)).toBe(100); // δ ≥ 2M: τ_D = M
  });

  it('goodput stays in (0, 1) (where it is representable: (τ + δ)/M and R/M up to 50)', () => {
    fc.assert(fc.property(fc.double({ min: 1e-4, max: 25, noNaN: true }), fc.double({ min: 1e-4, max: 25, noNaN: true }),
      fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 100, max: 1e8, noNaN: true }), (tau, d, r, m) => {
        const gp = goodputExact(tau * m, d * m, r * m, m);
        return gp > 0 && gp < 1;
      }));
  });

  it('cluster MTBF halves when the node count doubles', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 4096 }), (n) => {
      const g = reliabilityGraph({ 'communication.num_nodes': n, 'fragility.checkpoint_time': 60 });
      const m = numberOf(g, 'fragility.cluster_mtbf');
      g.set('communication.num_nodes', 2 * n);
      return Math.abs(numberOf(g, 'fragility.cluster_mtbf') - m / 2) <= 1e-12 * m;
    }), { numRuns: 25 });
  });

  it('counts the fleet\'s GPUs and NICs unless the reliability counts are set', () => {
    const g = reliabilityGraph({ ...FIRST_BUILD_RELIABILITY, 'fragility.checkpoint_time': 60 });
    // DGX fleet: 8 GPUs, 8 NICs, 2 PSUs → 2.33333e-4 /h
    expectClose(numberOf(g, 'fragility.node_failure_rate') * HOUR, 8 / 50000 + 8 / 150000 + 2 / 100000, 1e-12);
    g.set('fragility.nics_per_node', 0);
    expectClose(numberOf(g, 'fragility.node_failure_rate') * HOUR, 8 / 50000 + 2 / 100000, 1e-12);
    g.setMany({ 'fragility.optical_cables': 1000, 'fragility.tor_switches': 16 });
    const lambdaN = 8 / 50000 + 2 / 100000;
    expectClose(numberOf(g, 'fragility.cluster_mtbf') / HOUR, 1 / (128 * lambdaN + 1000 / 50000 + 16 / 300000), 1e-12);
  });

  it('takes δ from wall 19 in training mode: δ = 1.9768 s gives τ_D 689.009 s and Γ 0.991812 (§12.2)', () => {
    // checkpoint 70.6e9 · 14 B at min(128 · 7 GB/s, 500 GB/s)
    const g = reliabilityGraph({ ...FIRST_BUILD_RELIABILITY, 'checkpoint.writer_bandwidth': 7e9, 'fragility.psus_per_node': 2 });
    expectClose(numberOf(g, 'fragility.checkpoint_time_effective'), 1.9768, 1e-9);
    expectClose(numberOf(g, 'fragility.checkpoint_interval'), 689.008772242, 1e-9);
    expectClose(numberOf(g, 'fragility.goodput'), 0.991812194246, 1e-9);
  });

  it('FAIL when Γ < 0.5 or δ ≥ M; WARN when Γ < 0.90', () => {
    const g = reliabilityGraph({ ...FIRST_BUILD_RELIABILITY, 'fragility.checkpoint_time': 60 });
    expect(valueOf(g, 'fragility.status')).toBe('PASS');
    g.set('communication.num_nodes', 2048); // M ≈ 2.09 h → Γ ≈ 0.87
    expect(valueOf(g, 'fragility.status')).toBe('WARN');
    g.set('fragility.node_mttf_override', 3600);
    expect(valueOf(g, 'fragility.status')).toBe('FAIL');
    expect(valueOf(g, 'fragility.status_reason')).toContain('not shorter than the cluster MTBF');
  });

  it('needs a job duration for the failure counts: time_to_train in training, the ops duration otherwise', () => {
    const g = reliabilityGraph({ 'fragility.checkpoint_time': 60 });
    const v = g.get('fragility.failure_probability');
    expect(!v.ok && v.error.message).toContain('job duration unknown');
    expect(valueOf(g, 'fragility.goodput')).toBeGreaterThan(0); // goodput does not depend on the job length
    const ops = { ...context('inference', LLAMA3_8B, undefined, DGX_H100_128), ops: true };
    const defs = [...commonCells(ops), ...FLEET_FACTORIES.flatMap((f) => f(ops))];
    expect(openInputs(defs)).toContain('capital.duration');
    expect(defs.some((d) => d.id === 'fragility.default_checkpoint_time')).toBe(true);
  });

  it('exists in training mode or with operations only', () => {
    expect(fragilityWall(context('inference'))).toEqual([]);
    expect(fragilityWall({ ...context('inference'), ops: true }).length).toBeGreaterThan(0);
    expect(fragilityWall(context('training')).length).toBeGreaterThan(0);
  });

  it('is dimensionally consistent (inference + ops, δ = 60 s default)', () => {
    const ops = { ...context('inference', LLAMA3_8B, undefined, DGX_H100_128), ops: true };
    const defs = [...commonCells(ops), ...FLEET_FACTORIES.flatMap((f) => f(ops))];
    const all = [...defs, ...openInputs(defs).map((id) => standIn(id, id === 'capital.duration' ? 86400 : 0.5, id === 'capital.duration' ? 's' : '1'))];
    expect(checkDimensions(all, { 'fragility.optical_cables': 10 })).toEqual([]);
  });

  it('runs in the assembled training graph with δ from wall 19', () => {
    const ctx = context('training', LLAMA3_70B, undefined, DGX_H100_128);
    const g = fleetGraph(ctx, { 'communication.tp': 8, 'communication.seq_len': 4096 });
    expect(numberOf(g, 'fragility.checkpoint_time_effective')).toBe(numberOf(g, 'checkpoint.checkpoint_write_time'));
    expect(numberOf(g, 'fragility.goodput')).toBeLessThan(1);
  });
});
