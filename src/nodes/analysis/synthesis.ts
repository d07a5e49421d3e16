/**
 * Wall 22.1: the closed-form inverse roofline (physics.md §10, wall 22). Given a target
 * latency T*, what would a device need to meet it for this step? Active when
 * `scenario.target_latency` is set; otherwise the cells are unset (null).
 */
import { type CellDef, derived, fail, type Plain } from '../../graph/index.js';
import type { BuildContext } from '../context.js';

const n = (v: Plain) => v as number;
const src = { kind: 'spec', ref: 'physics.md wall 22.1' } as const;

export function synthesisCells(_ctx: BuildContext): CellDef[] {
  return [
    derived({
      id: 'synthesis.active', label: 'Synthesis active', unit: 'bool', layer: 'E', wall: 22, source: src,
      doc: 'Whether a target latency is set, so the inverse roofline has something to answer.',
      formula: 'target_latency is set', inputs: ['scenario.target_latency'], compute: (t) => t !== null,
    }),
    derived({
      id: 'synthesis.available_time', label: 'Available time T_a', unit: 's', layer: 'E', wall: 22, source: src,
      doc: 'The target latency left for the roofline once the fixed overheads are paid.',
      formula: 'T_a = T* − T_ov', inputs: ['scenario.target_latency', 'compute.t_overhead'],
      compute: (t, ov) => {
        if (t === null) return null;
        const ta = n(t) - n(ov);
        return ta > 0 ? ta : fail('no_solution', `fixed overheads (T_ov = ${n(ov)} s) alone exceed the target (${n(t)} s)`);
      },
    }),
    derived({
      id: 'synthesis.required_bandwidth', label: 'Required memory bandwidth', unit: 'B/s', layer: 'E', wall: 22, source: src,
      doc: 'The memory bandwidth that moves this step’s bytes within the available time.',
      formula: 'BW* = Q / (T_a · η_bw)', inputs: ['synthesis.available_time', 'compute.memory_traffic', 'scenario.bandwidth_efficiency'],
      compute: (ta, q, eta) => (ta === null ? null : n(q) / (n(ta) * n(eta))),
    }),
    derived({
      id: 'synthesis.required_peak_flops', label: 'Required peak FLOP/s', unit: 'FLOP/s', layer: 'E', wall: 22, source: src,
      doc: 'The peak compute rate that does this step’s FLOPs within the available time.',
      formula: 'P* = F / (T_a · η)', inputs: ['synthesis.available_time', 'compute.flops_per_step', 'software.efficiency_effective'],
      compute: (ta, f, eta) => (ta === null ? null : n(f) / (n(ta) * n(eta))),
    }),
    derived({
      id: 'synthesis.required_memory', label: 'Required memory', unit: 'B', layer: 'E', wall: 22, source: src,
      doc: 'The memory capacity the step needs: its footprint.',
      formula: 'M* = M_foot', inputs: ['synthesis.active', 'memory.memory_footprint'],
      compute: (active, m) => (active ? n(m) : null),
    }),
    derived({
      id: 'synthesis.required_compute_memory_ratio', label: 'Required compute/memory ratio', unit: 'FLOP/B', layer: 'E', wall: 22, source: src,
      doc: 'The ridge point a device meeting the target exactly would have.',
      formula: 'P* / BW*', inputs: ['synthesis.required_peak_flops', 'synthesis.required_bandwidth'],
      compute: (p, bw) => (p === null || bw === null ? null : n(bw) > 0 ? n(p) / n(bw) : fail('numeric', 'the step moves no bytes')),
    }),
    derived({
      id: 'synthesis.current_device_meets_target', label: 'Current device meets target', unit: 'bool', layer: 'E', wall: 22, source: src,
      doc: 'Whether this device has the bandwidth, compute and capacity the target needs.',
      formula: 'BW ≥ BW* ∧ P ≥ P* ∧ C ≥ M*',
      inputs: ['synthesis.required_bandwidth', 'synthesis.required_peak_flops', 'synthesis.required_memory', 'hardware.memory_bandwidth', 'hardware.peak_flops', 'hardware.memory_capacity'],
      compute: (bw, p, m, hbw, hp, hc) => (bw === null ? null : n(hbw) >= n(bw) && n(hp) >= n(p) && n(hc) >= n(m)),
    }),
    derived({
      id: 'synthesis.status', label: 'Wall 22 status', unit: 'enum', layer: 'E', wall: 22, source: src,
      doc: 'PASS when the inverse roofline has an answer (a no-solution answer shows as WARN on the board).',
      formula: 'PASS unless no_solution', inputs: ['synthesis.required_bandwidth'], compute: () => 'PASS',
    }),
    derived({
      id: 'synthesis.status_reason', label: 'Wall 22 status reason', unit: 'text', layer: 'E', wall: 22, source: src,
      doc: 'Why wall 22 has its status.', formula: '—', inputs: ['synthesis.current_device_meets_target'],
      compute: (meets) => (meets === false ? 'this device does not meet the target' : ''),
    }),
  ];
}
