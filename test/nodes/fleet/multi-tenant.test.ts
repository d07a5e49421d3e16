import { describe, expect, it } from 'vitest';
import { checkDimensions, type Plain } from '../../../src/graph/index.js';
import { multiTenantWall } from '../../../src/nodes/fleet/multi-tenant.js';
import { casesForWalls, expectClose, type GoldenCase } from '../../helpers/golden.js';
import { standaloneGraph } from '../../helpers/standalone.js';
import { context } from '../fixtures.js';
import { valueOf } from './graph.js';

const defs = multiTenantWall(context('inference'));

function values(c: GoldenCase): Record<string, Plain> {
  const i = c.inputs as Record<string, number>;
  return {
    'multi_tenant.job_arrival_rate': i.job_arrival_rate_per_s, 'multi_tenant.job_duration_mean': i.job_duration_mean_s,
    'multi_tenant.concurrent_job_slots': i.concurrent_job_slots, 'multi_tenant.job_duration_cv': i.job_duration_cv,
  };
}

describe('wall 16: multi-tenant job queue', () => {
  for (const c of casesForWalls('16')) {
    it(c.id, () => {
      const g = standaloneGraph(defs, values(c));
      for (const [key, want] of Object.entries(c.expected)) {
        const id = key === 'wall_16_status' ? 'multi_tenant.status' : key;
        expectClose(valueOf(g, id), want, c.tolerance_rel, key);
      }
    });
  }

  it('reduces to Pollaczek–Khinchine for c = 1: wait = ρ·D·(1 + cv²)/(2(1 − ρ)), L_q = ρ²/(2(1 − ρ)) at cv = 0', () => {
    // λ = 0.25/day, D = 2 days → ρ = 0.5; cv = 0.5: wait = 0.5·2·1.25/(2·0.5) = 1.25 days; cv = 0: L_q = 0.25/1 = 0.25
    const day = 86400;
    const g = standaloneGraph(defs, { 'multi_tenant.job_arrival_rate': 0.25 / day, 'multi_tenant.job_duration_mean': 2 * day,
      'multi_tenant.job_duration_cv': 0.5 });
    expectClose(valueOf(g, 'multi_tenant.avg_wait_time'), 1.25 * day, 1e-9);
    expect(valueOf(g, 'multi_tenant.status')).toBe('PASS');
    g.set('multi_tenant.job_duration_cv', 3); // wait = 0.5·2·10/1 = 10 days > D
    expect(valueOf(g, 'multi_tenant.status')).toBe('WARN');
    expect(valueOf(g, 'multi_tenant.status_reason')).toContain('exceeds the mean job duration');
    g.set('multi_tenant.job_duration_cv', 0);
    expectClose(valueOf(g, 'multi_tenant.avg_queue_length'), 0.25, 1e-9);
    expect(valueOf(g, 'multi_tenant.status')).toBe('PASS');
  });

  it('is inactive, unevaluated and PASS while no arrival rate is set', () => {
    const g = standaloneGraph(defs, {});
    expect(valueOf(g, 'multi_tenant.active')).toBe(false);
    expect(valueOf(g, 'multi_tenant.cluster_utilization')).toBe(null);
    expect(valueOf(g, 'multi_tenant.status')).toBe('PASS');
  });

  it('needs the mean job duration once jobs arrive', () => {
    const g = standaloneGraph(defs, { 'multi_tenant.job_arrival_rate': 1e-5 });
    const v = g.get('multi_tenant.status');
    expect(!v.ok && v.error.kind).toBe('missing_data');
  });

  it('warns above 80 % utilisation and fails when unstable', () => {
    const g = standaloneGraph(defs, { 'multi_tenant.job_arrival_rate': 0.9, 'multi_tenant.job_duration_mean': 1 });
    expect(valueOf(g, 'multi_tenant.status')).toBe('WARN');
    expect(valueOf(g, 'multi_tenant.status_reason')).toContain('0.900');
    g.set('multi_tenant.concurrent_job_slots', 2);
    expect(valueOf(g, 'multi_tenant.status')).toBe('PASS');
    g.set('multi_tenant.job_arrival_rate', 3);
    expect(valueOf(g, 'multi_tenant.status')).toBe('FAIL');
    expect(valueOf(g, 'multi_tenant.avg_wait_time')).toBe(Infinity);
  });

  it('is dimensionally consistent', () => {
    expect(checkDimensions(defs, { 'multi_tenant.job_arrival_rate': 1e-6, 'multi_tenant.job_duration_mean': 172800, 'multi_tenant.concurrent_job_slots': 3 })).toEqual([]);
  });
});
