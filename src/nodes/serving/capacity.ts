/**
 * Wall 7.2: serving capacity — the replicas a QPS needs under a P99 target (physics.md §5
 * 7.2). Each replica offers R continuous-batching slots, so r replicas form one M/M/(r·R)
 * queue with service time T_svc and response time T_base (wall 5).
 */
import { type ArgsOf, type CellDef, derived, fail, type Failure, number, optNumber, warn, type Warned } from '../../graph/index.js';
import { evaluateQueue } from '../templates/queue.js';

export type CapacityBottleneck = 'Feasible' | 'Memory' | 'Base Latency' | 'Tail Latency' | 'Capacity';

export interface CapacityQuestion {
  /** λ, requests/s. */
  readonly qps: number;
  /** R slots per replica (wall 5). */
  readonly slots: number;
  /** T_svc, s (wall 5). */
  readonly serviceTime: number;
  /** T_base, s (wall 5). */
  readonly baseLatency: number;
  readonly cv: number;
  /** G, s. */
  readonly target: number;
  readonly maxReplicas: number;
}

export interface CapacityPlan {
  readonly bottleneck: CapacityBottleneck;
  /** Smallest replica count meeting the target; +∞ when none up to max_replicas does. */
  readonly replicas: number;
}

/** p99 of the pooled queue with r replicas (§3.3 with c = r·R, T_s = T_svc, T_resp = T_base). */
export function p99AtReplicas(q: CapacityQuestion, replicas: number): number {
  return evaluateQueue({ arrivalRate: q.qps, serviceTime: q.serviceTime, servers: replicas * q.slots, cv: q.cv, responseTime: q.baseLatency }).p99;
}

/**
 * The 7.2 search: Memory if R < 1; Base Latency if T_base > G (p99 → T_base as r → ∞);
 * else the smallest r in [⌊λ·T_svc/R⌋ + 1, max_replicas] with p99 ≤ G, by bisection (p99
 * does not increase with r). None: Tail Latency if max_replicas is stable, else Capacity.
 */
export function planCapacity(q: CapacityQuestion): CapacityPlan {
  if (q.slots < 1) return { bottleneck: 'Memory', replicas: Infinity };
  if (q.baseLatency > q.target) return { bottleneck: 'Base Latency', replicas: Infinity };
  const smallestStable = Math.floor((q.qps * q.serviceTime) / q.slots) + 1;
  if (smallestStable > q.maxReplicas) return { bottleneck: 'Capacity', replicas: Infinity };
  if (p99AtReplicas(q, q.maxReplicas) > q.target) return { bottleneck: 'Tail Latency', replicas: Infinity };
  let lo = smallestStable, hi = q.maxReplicas; // invariant: p99(hi) ≤ G
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (p99AtReplicas(q, mid) <= q.target) hi = mid;
    else lo = mid + 1;
  }
  return { bottleneck: 'Feasible', replicas: lo };
}

const WALL = 7;
const common = { layer: 'E' as const, wall: WALL };

/** What the 7.2 search reads: λ and G are optional, R, T_svc and T_base come from wall 5. */
const questionInputs = {
  qps: optNumber('tail_latency.arrival_rate'), slots: number('batching.max_active_requests'),
  serviceTime: number('batching.slot_service_time'), baseLatency: number('batching.request_latency_at_capacity'),
  cv: number('tail_latency.service_time_cv'), target: optNumber('tail_latency.p99_target'), maxReplicas: number('tail_latency.max_replicas'),
};
type QuestionArgs = ArgsOf<typeof questionInputs>;

function question({ qps, target, ...rest }: QuestionArgs): CapacityQuestion | null {
  if (qps === null || target === null) return null; // no QPS or no target: nothing to plan
  return { ...rest, qps, target };
}

/**
 * A cell evaluated at the planned replica count; when no count is enough it is shown at
 * max_replicas with a warning, and with no slot at all (Memory) there is nothing to show.
 */
function atPlan(f: (q: CapacityQuestion, replicas: number) => number) {
  return (a: QuestionArgs): number | null | Failure | Warned => {
    const q = question(a);
    if (!q) return null;
    const plan = planCapacity(q);
    if (Number.isFinite(plan.replicas)) return f(q, plan.replicas);
    if (plan.bottleneck === 'Memory') return fail('no_solution', 'no request slot fits in memory (max_active_requests = 0); no replica count can serve this load');
    return warn(f(q, q.maxReplicas), `no replica count up to max_replicas meets the p99 target (${plan.bottleneck}); shown at max_replicas = ${q.maxReplicas}`);
  };
}

/** The 7.2 cells (serving mode); null while arrival_rate or p99_target is unset. */
export function capacityCells(): CellDef[] {
  const perReplica = (q: CapacityQuestion) => q.slots / q.serviceTime;
  return [
    derived({ ...common, id: 'tail_latency.base_request_latency', label: 'Base request latency', unit: 's', displayUnit: 'ms', formula: 'T_base (wall 5)',
      doc: 'Latency with every slot busy and no queueing: the floor p99 approaches as replicas grow.',
      inputs: { latency: number('batching.request_latency_at_capacity') }, compute: ({ latency }) => latency }),
    derived({ ...common, id: 'tail_latency.capacity_bottleneck', label: 'Capacity bottleneck', unit: 'enum',
      formula: 'Memory if R < 1; Base Latency if T_base > G; Feasible if some r ≤ max_replicas meets G; else Tail Latency (stable) or Capacity',
      doc: 'What decides the replica count for the QPS and p99 target.', inputs: questionInputs,
      compute: (a) => { const q = question(a); return q ? planCapacity(q).bottleneck : null; } }),
    derived({ ...common, id: 'tail_latency.required_replicas', label: 'Required replicas', unit: 'replicas', mayBeInfinite: true,
      formula: 'smallest r ≥ ⌊λ·T_svc/R⌋ + 1 with p99(c = r·R) ≤ G; +∞ if none ≤ max_replicas',
      doc: 'Replicas needed to serve the QPS within the p99 target; +∞ when no count up to max_replicas is enough.', inputs: questionInputs,
      compute: (a) => { const q = question(a); return q ? planCapacity(q).replicas : null; } }),
    derived({ ...common, id: 'tail_latency.per_replica_qps', label: 'QPS per replica', unit: 'requests/s', formula: 'Θ_req = R/T_svc',
      doc: 'Requests per second one replica completes with all slots busy.',
      inputs: { slots: number('batching.max_active_requests'), serviceTime: number('batching.slot_service_time') },
      compute: ({ slots, serviceTime }) => slots / serviceTime }),
    derived({ ...common, id: 'tail_latency.qps_capacity', label: 'QPS capacity', unit: 'requests/s', formula: 'required_replicas·Θ_req',
      doc: 'Requests per second the planned replicas can complete.', inputs: questionInputs, compute: atPlan((q, r) => r * perReplica(q)) }),
    derived({ ...common, id: 'tail_latency.capacity_utilization', label: 'Capacity utilisation', unit: '1', formula: 'λ/qps_capacity',
      doc: 'Share of the planned capacity the QPS uses.', inputs: questionInputs, compute: atPlan((q, r) => q.qps / (r * perReplica(q))) }),
    derived({ ...common, id: 'tail_latency.estimated_p99', label: 'Estimated p99', unit: 's', displayUnit: 'ms', mayBeInfinite: true, formula: 'p99 at required_replicas',
      doc: 'P99 latency with the planned replicas.', inputs: questionInputs, compute: atPlan((q, r) => p99AtReplicas(q, r)) }),
    derived({ ...common, id: 'tail_latency.queue_wait_p99', label: 'Queue wait p99', unit: 's', displayUnit: 'ms', mayBeInfinite: true, formula: 'estimated_p99 − T_base',
      doc: 'The queueing part of the planned p99.', inputs: questionInputs, compute: atPlan((q, r) => p99AtReplicas(q, r) - q.baseLatency) }),
  ];
}
