/**
 * Wall 7: Tail latency — the §3.3 queue (M/M/c, Kingman-corrected) in front of the server
 * (physics.md §5 wall 7), plus 7.2 capacity planning in serving mode. The wall is active
 * once an arrival rate (QPS) is set; until then every queue cell is null.
 *
 * Serving mode wires the queue to wall 5: c = num_replicas·R, T_s = slot_service_time,
 * T_resp = request_latency_at_capacity. Other modes keep the queue stand-alone: service
 * time and servers are plain inputs and T_resp defaults to T_s.
 */
import { type CellDef, derived, type Domain, input, number, optFlag, optNumber, optText, warn } from '../../graph/index.js';
import type { BuildContext } from '../context.js';
import { hasParallelLayout } from '../parallel/layout-cells.js';
import { spec } from '../common/catalogue-input.js';
import { nearTarget, statusCells, verdict } from '../common/status.js';
import { queueCells, type QueueInputIds } from '../templates/queue.js';
import { capacityCells } from './capacity.js';

const WALL = 7;
const common = { layer: 'E' as const, wall: WALL };
const s7 = spec('§5 wall 7');

function tailInput(name: string, label: string, doc: string, unit: string, dflt: number | null, domain: Domain): CellDef {
  return input({ ...common, id: `tail_latency.${name}`, label, doc, unit, default: dflt, domain, source: s7 });
}

/** The inputs every instance has: λ (= qps), the service-time spread and the p99 target. */
function sharedInputs(): CellDef[] {
  return [
    tailInput('arrival_rate', 'Arrival rate λ (QPS)', 'Requests arriving per second; unset leaves the wall inactive.', '1/s', null,
      { kind: 'number', min: 0, optional: true }),
    tailInput('service_time_cv', 'Service-time CV', 'Coefficient of variation of the service time (1 = exponential, 0 = deterministic).', '1', 1,
      { kind: 'number', min: 0 }),
    tailInput('p99_target', 'P99 target G', 'Optional p99 latency target; unset means no target.', 's', null,
      { kind: 'number', min: 0, minExclusive: true, optional: true }),
  ];
}

/**
 * The replicas sharing the queue. On one device: the input, default 1. On a system of several
 * devices the layout decides (communication.replicas = N/(t·p·c)); a value the user sets is held,
 * with a warning when it is not the layout's count.
 */
function replicaCells(ctx: BuildContext): CellDef[] {
  if (!hasParallelLayout(ctx)) {
    return [tailInput('num_replicas', 'Replicas', 'Serving replicas sharing one request queue.', 'replicas', 1, { kind: 'number', min: 1, integer: true })];
  }
  return [
    tailInput('num_replicas', 'Replicas (set)', 'Serving replicas sharing one request queue; unset means the layout\'s replica count.', 'replicas', null,
      { kind: 'number', min: 1, integer: true, optional: true }),
    derived({ ...common, id: 'tail_latency.num_replicas_effective', label: 'Replicas', unit: 'replicas',
      formula: 'num_replicas ?? communication.replicas (= N/(t·p·c))',
      doc: 'Replicas sharing one request queue: the layout\'s count unless set.',
      inputs: { given: optNumber('tail_latency.num_replicas'), layout: number('communication.replicas'), devices: number('communication.devices_per_replica') },
      compute: ({ given, layout, devices }) => {
        if (given === null || given === layout) return given ?? layout;
        return warn(given, `tail_latency.num_replicas = ${given} is held as set; the layout makes ${layout} replica${layout === 1 ? '' : 's'} of ${devices} device${devices === 1 ? '' : 's'}`);
      } }),
  ];
}

/** Serving mode: c = num_replicas·R, T_s = T_svc, T_resp = T_base (wall 5). */
function wiredInputs(ctx: BuildContext): CellDef[] {
  const replicas = hasParallelLayout(ctx) ? 'tail_latency.num_replicas_effective' : 'tail_latency.num_replicas';
  return [
    ...replicaCells(ctx),
    tailInput('max_replicas', 'Max replicas', 'Largest replica count the capacity search tries.', 'replicas', 1024, { kind: 'number', min: 1, integer: true }),
    derived({ ...common, id: 'tail_latency.service_time', label: 'Service time T_s', unit: 's', formula: 'T_s = slot_service_time (wall 5)',
      doc: 'Time one request holds a continuous-batching slot.',
      inputs: { slotTime: number('batching.slot_service_time') }, compute: ({ slotTime }) => slotTime }),
    derived({ ...common, id: 'tail_latency.servers', label: 'Servers c', unit: 'requests', formula: 'c = num_replicas·R',
      doc: 'Request slots across all replicas (each slot is one server).',
      inputs: { replicas: number(replicas), slots: number('batching.max_active_requests') },
      compute: ({ replicas, slots }) => replicas * slots }),
    derived({ ...common, id: 'tail_latency.response_time', label: 'Response time T_resp', unit: 's', formula: 'T_resp = request_latency_at_capacity (wall 5)',
      doc: 'Time from leaving the queue to the last token, with every slot busy.',
      inputs: { latency: number('batching.request_latency_at_capacity') }, compute: ({ latency }) => latency }),
  ];
}

/** Other modes: a plain queue calculator. */
function standaloneInputs(): CellDef[] {
  return [
    tailInput('service_time', 'Service time T_s', 'Mean time one server spends on a request; unset leaves the queue unevaluated.', 's', null,
      { kind: 'number', min: 0, minExclusive: true, optional: true }),
    tailInput('servers', 'Servers c', 'Servers sharing one queue.', 'requests', 1, { kind: 'number', min: 1, max: 1e7, integer: true }),
    tailInput('response_time', 'Response time T_resp', 'Time added to the wait for the response; unset means T_s.', 's', null,
      { kind: 'number', min: 0, optional: true }),
    derived({ ...common, id: 'tail_latency.response_time_effective', label: 'Response time T_resp', unit: 's', formula: 'T_resp = response_time ?? T_s',
      doc: 'Time added to the wait quantiles.',
      inputs: { response: optNumber('tail_latency.response_time'), service: optNumber('tail_latency.service_time') },
      compute: ({ response, service }) => (response === null ? service : response) }),
  ];
}

export function tailLatencyWall(ctx: BuildContext): CellDef[] {
  const wired = ctx.mode === 'serving';
  const ids: QueueInputIds = {
    arrivalRate: 'tail_latency.arrival_rate', serviceTime: 'tail_latency.service_time', servers: 'tail_latency.servers',
    cv: 'tail_latency.service_time_cv', target: 'tail_latency.p99_target',
    responseTime: wired ? 'tail_latency.response_time' : 'tail_latency.response_time_effective',
  };
  return [
    derived({ ...common, id: 'tail_latency.active', label: 'Wall 7 active', unit: 'bool', formula: 'arrival_rate set',
      doc: 'Wall 7 is on the board once a QPS is given (physics.md §11.3).',
      inputs: { qps: optNumber('tail_latency.arrival_rate') }, compute: ({ qps }) => qps !== null }),
    ...sharedInputs(),
    ...(wired ? wiredInputs(ctx) : standaloneInputs()),
    ...queueCells({ scope: 'tail_latency', wall: WALL, customer: 'request', inputs: ids, names: { p50: 'p50_latency', p99: 'p99_latency' } }),
    ...(wired ? capacityCells() : []),
    ...statusCells({
      scope: 'tail_latency', wall: WALL,
      formula: 'FAIL if unstable, p99 > p99_target or capacity bottleneck ≠ Feasible; WARN if ρ > 0.8 or p99 ≥ 90 % of target',
      inputs: {
        rho: optNumber('tail_latency.utilization'), stable: optFlag('tail_latency.is_stable'), p99: optNumber('tail_latency.p99_latency'),
        target: optNumber('tail_latency.p99_target'), margin: number('scenario.target_margin'),
        ...(wired ? { bottleneck: optText('tail_latency.capacity_bottleneck') } : {}),
      },
      judge: ({ rho, stable, p99, target, margin, bottleneck }) => {
        if (rho === null) return verdict([], []); // inactive (no QPS) or no service time yet
        const fails: string[] = [];
        const warns: string[] = [];
        if (stable === false) fails.push(`queue unstable (ρ = ${rho.toFixed(3)} ≥ 1)`);
        else if (rho > 0.8) warns.push(`utilisation ρ = ${rho.toFixed(3)} > 0.8`);
        // p99 is unset only while the queue is (rho set means it is evaluated); no target, no rule.
        if (target !== null && p99 !== null) {
          if (p99 > target) fails.push(`p99 ${p99} s > target ${target} s`);
          else if (nearTarget(p99, target, margin)) warns.push(`p99 ${p99} s ≥ ${margin * 100} % of target ${target} s`);
        }
        // Outside serving mode there is no capacity plan (undefined); unset (null) without a QPS or target.
        if (bottleneck !== undefined && bottleneck !== null && bottleneck !== 'Feasible') fails.push(`capacity bottleneck: ${bottleneck}`);
        return verdict(fails, warns);
      },
    }),
  ];
}
