/**
 * Wall 16: Multi-tenant — the cluster job queue (physics.md §9 "Wall 16", §11.3 row 16).
 *
 * The §3.3 queue (templates/queue.ts) with jobs as customers: T_s = T_resp = D, the mean job
 * duration. Present in every mode; active when `job_arrival_rate` is set. While it is unset
 * every queue cell is null (not evaluated) and the status is PASS.
 */
import { derived, fail, input, type CellDef } from '../../graph/index.js';
import type { BuildContext } from '../context.js';
import { queueCells } from '../templates/queue.js';
import { bool, dur, frac, num, reasons, statusCells, verdict } from './common.js';

const S = 'multi_tenant';
const W = 16;

export function multiTenantWall(_ctx: BuildContext): CellDef[] {
  return [
    input({
      id: `${S}.job_arrival_rate`, label: 'Job arrival rate', doc: 'Jobs submitted to the cluster per second (displayed per day); unset leaves the wall inactive.',
      unit: '1/s', displayUnit: '1/day', layer: 'E', wall: W, default: null, domain: { kind: 'number', min: 0, optional: true },
    }),
    input({
      id: `${S}.job_duration_mean`, label: 'Mean job duration', doc: 'Mean time one job holds its slot, D (displayed in days).',
      unit: 's', displayUnit: 'days', layer: 'E', wall: W, default: null, domain: { kind: 'number', min: 0, minExclusive: true, optional: true },
    }),
    input({
      id: `${S}.concurrent_job_slots`, label: 'Concurrent job slots', doc: 'Jobs the cluster runs at once, c (1 = whole-cluster jobs).',
      unit: 'jobs', layer: 'E', wall: W, default: 1, domain: { kind: 'number', min: 1, max: 1e7, integer: true },
    }),
    input({
      id: `${S}.job_duration_cv`, label: 'Job duration CV', doc: 'Coefficient of variation of job length (0 = deterministic, M/D/c).',
      unit: '1', layer: 'E', wall: W, default: 0, domain: { kind: 'number', min: 0 },
    }),
    derived({
      id: `${S}.active`, label: 'Active', doc: 'Wall 16 is active when a job arrival rate is set.', unit: 'bool', layer: 'E', wall: W,
      formula: 'job_arrival_rate set', inputs: [`${S}.job_arrival_rate`], compute: (l) => l !== null,
    }),
    ...queueCells({
      scope: S, wall: W, customer: 'job',
      inputs: {
        arrivalRate: `${S}.job_arrival_rate`, serviceTime: `${S}.job_duration_mean`, servers: `${S}.concurrent_job_slots`,
        cv: `${S}.job_duration_cv`, responseTime: `${S}.job_duration_mean`,
      },
      names: { utilization: 'cluster_utilization', wait_mean: 'avg_wait_time', queue_length_mean: 'avg_queue_length' },
    }),
    ...statusCells({
      scope: S, wall: W, formula: 'FAIL if unstable; WARN if ρ > 0.8 or avg_wait_time > D',
      inputs: [`${S}.active`, `${S}.job_duration_mean`, `${S}.cluster_utilization`, `${S}.is_stable`, `${S}.avg_wait_time`],
      judge: (active, d, rho, stable, wait) => {
        if (!bool(active)) return verdict([], []);
        if (d === null) return fail('missing_data', `${S}.job_duration_mean is unset; the job queue needs the mean job duration`);
        return verdict(
          reasons([!bool(stable) && `job queue is unstable: utilisation ${frac(num(rho))} ≥ 1`]),
          reasons([
            num(rho) > 0.8 && `cluster utilisation ${frac(num(rho))} is above 0.8`,
            num(wait) > num(d) && `mean wait ${dur(num(wait))} exceeds the mean job duration ${dur(num(d))}`,
          ]),
        );
      },
    }),
  ];
}
