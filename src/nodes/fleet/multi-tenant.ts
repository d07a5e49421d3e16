/**
 * Wall 16: Multi-tenant — the cluster job queue (physics.md §9 "Wall 16", §11.3 row 16).
 *
 * The §3.3 queue (templates/queue.ts) with jobs as customers: T_s = T_resp = D, the mean job
 * duration. Present in every mode; active when `job_arrival_rate` is set. While it is unset
 * every queue cell is null (not evaluated) and the status is PASS.
 */
import { derived, fail, flag, input, optFlag, optNumber, type CellDef } from '../../graph/index.js';
import { dur, frac, reasons, statusCells, verdict } from '../common/index.js';
import type { BuildContext } from '../context.js';
import { queueCells } from '../templates/queue.js';

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
      formula: 'job_arrival_rate set', inputs: { arrivalRate: optNumber(`${S}.job_arrival_rate`) },
      compute: ({ arrivalRate }) => arrivalRate !== null,
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
      // The queue cells are null (not evaluated) while λ or D is unset.
      inputs: {
        active: flag(`${S}.active`), duration: optNumber(`${S}.job_duration_mean`), rho: optNumber(`${S}.cluster_utilization`),
        stable: optFlag(`${S}.is_stable`), wait: optNumber(`${S}.avg_wait_time`),
      },
      judge: ({ active, duration, rho, stable, wait }) => {
        if (!active) return verdict([], []);
        if (duration === null) return fail('missing_data', `${S}.job_duration_mean is unset; the job queue needs the mean job duration`);
        // λ and D are set here, and c and cv are never unset, so every queue cell has a value;
        // this guard only narrows their types.
        if (rho === null || stable === null || wait === null) return fail('missing_data', `the ${S} job queue was not evaluated`);
        return verdict(
          reasons([!stable && `job queue is unstable: utilisation ${frac(rho)} ≥ 1`]),
          reasons([
            rho > 0.8 && `cluster utilisation ${frac(rho)} is above 0.8`,
            wait > duration && `mean wait ${dur(wait)} exceeds the mean job duration ${dur(duration)}`,
          ]),
        );
      },
    }),
  ];
}
