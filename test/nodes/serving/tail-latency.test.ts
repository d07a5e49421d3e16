import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDimensions, LiveGraph, type Plain } from '../../../src/graph/index.js';
import { planCapacity, tailLatencyWall } from '../../../src/nodes/serving/index.js';
import { p99AtReplicas, type CapacityQuestion } from '../../../src/nodes/serving/capacity.js';
import { evaluateQueue } from '../../../src/nodes/templates/queue.js';
import { context } from '../fixtures.js';
import { casesForWalls, expectClose } from '../../helpers/golden.js';
import { standaloneGraph } from '../../helpers/standalone.js';
import { scenarioDefs, scenarioGraph, valueOf } from './graph.js';

/** Wall 7 outside serving mode: a plain queue calculator (scenario.target_margin stands in). */
function standalone(values: Record<string, Plain>): LiveGraph {
  return standaloneGraph(tailLatencyWall(context('inference')), { 'scenario.target_margin': 0.9, ...values });
}

describe('wall 7 golden cases (stand-alone queue)', () => {
  for (const c of casesForWalls('7')) {
    it(c.id, () => {
      const i = c.inputs as Record<string, number | number[] | undefined>;
      const servers = Array.isArray(i.servers) ? i.servers : [i.servers ?? 1];
      const g = standalone({
        'tail_latency.arrival_rate': i.arrival_rate_per_s as number, 'tail_latency.service_time': i.service_time_s as number,
        'tail_latency.servers': servers[0], 'tail_latency.service_time_cv': (i.service_time_cv as number | undefined) ?? 1,
        'tail_latency.response_time': (i.response_time_T_resp_s as number | undefined) ?? null,
        'tail_latency.p99_target': (i.p99_target_s as number | undefined) ?? null,
      });
      for (const [key, want] of Object.entries(c.expected)) {
        const m = /^([\w.]+?)(?:\[c=(\d+)\])?$/.exec(key)!;
        if (m[2] !== undefined) g.set('tail_latency.servers', Number(m[2]));
        expectClose(valueOf(g, m[1]), want, c.tolerance_rel, key);
      }
    });
  }

  it('§12.4 with G = 1 s FAILs on p99; ρ = 0.8 alone does not WARN', () => {
    const g = standalone({ 'tail_latency.arrival_rate': 8, 'tail_latency.service_time': 0.1, 'tail_latency.p99_target': 1 });
    expect(valueOf(g, 'tail_latency.status')).toBe('FAIL');
    g.set('tail_latency.p99_target', 2.5); // p99 2.291 s ≥ 0.9 × 2.5 s
    expect(valueOf(g, 'tail_latency.status')).toBe('WARN');
    g.setMany({ 'tail_latency.p99_target': null });
    expect(valueOf(g, 'tail_latency.status')).toBe('PASS');
    g.set('tail_latency.arrival_rate', 9); // ρ = 0.9
    expect(valueOf(g, 'tail_latency.status')).toBe('WARN');
  });

  it('is inactive, PASS and null while arrival_rate is unset', () => {
    const g = standalone({ 'tail_latency.service_time': 0.1 });
    expect(valueOf(g, 'tail_latency.active')).toBe(false);
    expect(valueOf(g, 'tail_latency.p99_latency')).toBeNull();
    expect(valueOf(g, 'tail_latency.status')).toBe('PASS');
  });

  it('reports an unstable queue as +∞ waits with is_stable false and FAIL', () => {
    const g = standalone({ 'tail_latency.arrival_rate': 12, 'tail_latency.service_time': 0.1 });
    expectClose(valueOf(g, 'tail_latency.utilization'), 1.2, 1e-12);
    expect(valueOf(g, 'tail_latency.is_stable')).toBe(false);
    expect(valueOf(g, 'tail_latency.p99_latency')).toBe(Infinity);
    expect(valueOf(g, 'tail_latency.status')).toBe('FAIL');
  });
});

describe('7.2 planCapacity', () => {
  const base: CapacityQuestion = { qps: 8, slots: 1, serviceTime: 0.1, baseLatency: 0.1, cv: 1, target: 1, maxReplicas: 1024 };

  it('needs 2 replicas for §12.4 under a 1 s p99', () => {
    // r = 1 is §12.4 (p99 2.29 s). r = 2: a = 0.8, ρ = 0.4, P_w = (0.32/0.6)/(1 + 0.8 + 0.32/0.6) = 0.228571,
    // wait_p99 = ln(22.8571)/(20 − 8) = 0.260773 s → p99 = 0.360773 s ≤ 1 s.
    expectClose(p99AtReplicas(base, 2), 0.1 + Math.log(0.228571428571 / 0.01) / 12, 1e-9);
    expect(planCapacity(base)).toEqual({ bottleneck: 'Feasible', replicas: 2 });
  });

  it('names the bottleneck when no replica count is enough', () => {
    expect(planCapacity({ ...base, slots: 0 })).toEqual({ bottleneck: 'Memory', replicas: Infinity });
    expect(planCapacity({ ...base, baseLatency: 2 })).toEqual({ bottleneck: 'Base Latency', replicas: Infinity });
    expect(planCapacity({ ...base, qps: 20, maxReplicas: 1 })).toEqual({ bottleneck: 'Capacity', replicas: Infinity }); // ρ = 2
    expect(planCapacity({ ...base, maxReplicas: 1 })).toEqual({ bottleneck: 'Tail Latency', replicas: Infinity }); // stable, p99 2.29 s
  });

  it('finds the smallest replica count that meets the target', () => {
    const q = fc.record({
      qps: fc.double({ min: 0.1, max: 500, noNaN: true }), slots: fc.integer({ min: 1, max: 64 }),
      serviceTime: fc.double({ min: 0.01, max: 5, noNaN: true }), cv: fc.double({ min: 0, max: 2, noNaN: true }),
      baseLatency: fc.double({ min: 0.01, max: 5, noNaN: true }), target: fc.double({ min: 0.01, max: 20, noNaN: true }),
      maxReplicas: fc.constant(4096),
    });
    fc.assert(fc.property(q, (x) => {
      const plan = planCapacity(x);
      if (plan.bottleneck !== 'Feasible') return;
      const r = plan.replicas;
      expect(p99AtReplicas(x, r)).toBeLessThanOrEqual(x.target);
      if (r > Math.floor((x.qps * x.serviceTime) / x.slots) + 1) expect(p99AtReplicas(x, r - 1)).toBeGreaterThan(x.target);
    }), { numRuns: 200 });
  });
});

describe('wall 7 in serving mode (wired to wall 5)', () => {
  const serving = context('serving');

  it('queues requests for num_replicas·R slots of T_svc, answering after T_base', () => {
    const g = scenarioGraph(serving, { 'tail_latency.arrival_rate': 5, 'tail_latency.num_replicas': 2 });
    expect(valueOf(g, 'tail_latency.active')).toBe(true);
    expect(valueOf(g, 'tail_latency.servers')).toBe(64); // 2 × R = 32
    const ts = valueOf(g, 'batching.slot_service_time') as number;
    const tb = valueOf(g, 'batching.request_latency_at_capacity') as number;
    expectClose(valueOf(g, 'tail_latency.utilization'), (5 * ts) / 64, 1e-12);
    const q = evaluateQueue({ arrivalRate: 5, serviceTime: ts, servers: 64, cv: 1, responseTime: tb });
    expectClose(valueOf(g, 'tail_latency.p99_latency'), q.p99, 1e-12);
    expect(valueOf(g, 'tail_latency.p99_latency')).toBeGreaterThanOrEqual(tb);
  });

  it('plans replicas for a QPS and a p99 target', () => {
    const g = scenarioGraph(serving, { 'tail_latency.arrival_rate': 50, 'tail_latency.p99_target': 4 });
    const ts = valueOf(g, 'batching.slot_service_time') as number; // 3.194 s, R = 32, T_base 3.238 s
    const tb = valueOf(g, 'batching.request_latency_at_capacity') as number;
    const plan = planCapacity({ qps: 50, slots: 32, serviceTime: ts, baseLatency: tb, cv: 1, target: 4, maxReplicas: 1024 });
    expect(plan.bottleneck).toBe('Feasible');
    expect(plan.replicas).toBeGreaterThanOrEqual(Math.floor((50 * ts) / 32) + 1); // ≥ 5 for stability
    expect(valueOf(g, 'tail_latency.required_replicas')).toBe(plan.replicas);
    expect(valueOf(g, 'tail_latency.capacity_bottleneck')).toBe('Feasible');
    expectClose(valueOf(g, 'tail_latency.per_replica_qps'), 32 / ts, 1e-12);
    expectClose(valueOf(g, 'tail_latency.qps_capacity'), (plan.replicas * 32) / ts, 1e-12);
    expect(valueOf(g, 'tail_latency.estimated_p99')).toBeLessThanOrEqual(4);
    expectClose(valueOf(g, 'tail_latency.queue_wait_p99'), (valueOf(g, 'tail_latency.estimated_p99') as number) - tb, 1e-12);
    // The queue itself still has one replica: ρ = 50·3.194/32 ≈ 5 → unstable, FAIL.
    expect(valueOf(g, 'tail_latency.is_stable')).toBe(false);
    expect(valueOf(g, 'tail_latency.status')).toBe('FAIL');
  });

  it('reports required_replicas = +∞ and a Base Latency bottleneck when T_base exceeds the target', () => {
    const g = scenarioGraph(serving, { 'tail_latency.arrival_rate': 1, 'tail_latency.p99_target': 1 });
    expect(valueOf(g, 'tail_latency.capacity_bottleneck')).toBe('Base Latency');
    expect(valueOf(g, 'tail_latency.required_replicas')).toBe(Infinity);
    const est = g.get('tail_latency.estimated_p99');
    expect(est.ok && est.warnings[0]).toMatch(/shown at max_replicas = 1024/);
    expect(valueOf(g, 'tail_latency.status')).toBe('FAIL');
  });

  it('is dimensionally consistent in both structures', () => {
    // Status reasons are text that quotes values ("p99 124.5 s > target 5 s"), so they change
    // under rescaling by design; every numeric cell of the wall must scale by its unit.
    const mine = (v: { id: string }[]) => v.filter((x) => x.id.startsWith('tail_latency.') && x.id !== 'tail_latency.status_reason');
    expect(mine(checkDimensions(scenarioDefs(serving), { 'tail_latency.arrival_rate': 20, 'tail_latency.p99_target': 5, 'tail_latency.num_replicas': 2 }))).toEqual([]);
    const inference = context('inference');
    expect(mine(checkDimensions(scenarioDefs(inference), { 'tail_latency.arrival_rate': 32, 'tail_latency.service_time': 0.1, 'tail_latency.servers': 4, 'tail_latency.p99_target': 1 }))).toEqual([]);
  });

  it('recomputes only target-dependent cells when the p99 target changes', () => {
    const defs = scenarioDefs(serving);
    const g = scenarioGraph(serving, { 'tail_latency.arrival_rate': 20, 'tail_latency.p99_target': 5, 'tail_latency.num_replicas': 4 });
    const ids = defs.map((d) => d.id);
    ids.forEach((i) => g.get(i));
    g.resetEvaluationCounts();
    g.set('tail_latency.p99_target', 6);
    ids.forEach((i) => g.get(i));
    const evaluated = ids.filter((i) => g.evaluations(i) > 0).sort();
    expect(evaluated).toEqual([
      'tail_latency.capacity_bottleneck', 'tail_latency.capacity_utilization', 'tail_latency.estimated_p99', 'tail_latency.qps_capacity',
      'tail_latency.queue_wait_p99', 'tail_latency.required_replicas', 'tail_latency.slo_violation_probability', 'tail_latency.status',
      'tail_latency.status_reason',
    ]);
  });
});
