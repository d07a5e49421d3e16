/**
 * Wall 22.1: the closed-form inverse roofline (physics.md §10, wall 22). Given a target
 * latency T*, what would a device need to meet it for this step? Active when
 * `scenario.target_latency` is set; otherwise the cells are unset (null).
 */
import { type CellDef, derived, fail, flag, gate, number, optFlag, optNumber } from '../../graph/index.js';
import type { BuildContext } from '../context.js';

const src = { kind: 'spec', ref: 'physics.md wall 22.1' } as const;

export function synthesisCells(_ctx: BuildContext): CellDef[] {
  return [
    derived({
      id: 'synthesis.active', label: 'Synthesis active', unit: 'bool', layer: 'E', wall: 22, source: src,
      doc: 'Whether a target latency is set, so the inverse roofline has something to answer.',
      formula: 'target_latency is set', inputs: { target: optNumber('scenario.target_latency') }, compute: ({ target }) => target !== null,
    }),
    derived({
      id: 'synthesis.available_time', label: 'Available time T_a', unit: 's', layer: 'E', wall: 22, source: src,
      doc: 'The target latency left for the roofline once the fixed overheads are paid.',
      formula: 'T_a = T* − T_ov', inputs: { target: optNumber('scenario.target_latency'), overhead: number('compute.t_overhead') },
      compute: ({ target, overhead }) => {
        if (target === null) return null;
        const ta = target - overhead;
        return ta > 0 ? ta : fail('no_solution', `fixed overheads (T_ov = ${overhead} s) alone exceed the target (${target} s)`);
      },
    }),
    derived({
      id: 'synthesis.required_bandwidth', label: 'Required memory bandwidth', unit: 'B/s', layer: 'E', wall: 22, source: src,
      doc: 'The memory bandwidth that moves this step’s bytes within the available time.',
      formula: 'BW* = Q / (T_a · η_bw)',
      inputs: { available: optNumber('synthesis.available_time'), bytes: number('compute.memory_traffic'), efficiency: number('scenario.bandwidth_efficiency') },
      compute: ({ available, bytes, efficiency }) => (available === null ? null : bytes / (available * efficiency)),
    }),
    derived({
      id: 'synthesis.required_peak_flops', label: 'Required peak FLOP/s', unit: 'FLOP/s', layer: 'E', wall: 22, source: src,
      doc: 'The peak compute rate that does this step’s FLOPs within the available time.',
      formula: 'P* = F / (T_a · η)',
      inputs: { available: optNumber('synthesis.available_time'), flops: number('compute.flops_per_step'), efficiency: number('software.efficiency_effective') },
      compute: ({ available, flops, efficiency }) => (available === null ? null : flops / (available * efficiency)),
    }),
    derived({
      id: 'synthesis.required_memory', label: 'Required memory', unit: 'B', layer: 'E', wall: 22, source: src,
      doc: 'The memory capacity the step needs: its footprint.',
      formula: 'M* = M_foot', inputs: { active: flag('synthesis.active'), footprint: number('memory.memory_footprint') },
      compute: ({ active, footprint }) => (active ? footprint : null),
    }),
    derived({
      id: 'synthesis.required_compute_memory_ratio', label: 'Required compute/memory ratio', unit: 'FLOP/B', layer: 'E', wall: 22, source: src,
      doc: 'The ridge point a device meeting the target exactly would have.',
      formula: 'P* / BW*', inputs: { peak: optNumber('synthesis.required_peak_flops'), bandwidth: optNumber('synthesis.required_bandwidth') },
      compute: ({ peak, bandwidth }) =>
        peak === null || bandwidth === null ? null : bandwidth > 0 ? peak / bandwidth : fail('numeric', 'the step moves no bytes'),
    }),
    derived({
      id: 'synthesis.current_device_meets_target', label: 'Current device meets target', unit: 'bool', layer: 'E', wall: 22, source: src,
      doc: 'Whether this device has the bandwidth, compute and capacity the target needs.',
      formula: 'BW ≥ BW* ∧ P ≥ P* ∧ C ≥ M*',
      inputs: {
        needBandwidth: optNumber('synthesis.required_bandwidth'), needPeak: optNumber('synthesis.required_peak_flops'),
        needMemory: optNumber('synthesis.required_memory'), bandwidth: optNumber('hardware.memory_bandwidth'),
        peak: number('hardware.peak_flops'), capacity: optNumber('hardware.memory_capacity'),
      },
      // The three requirements are unset together (no target); an unset device figure counts as none.
      compute: ({ needBandwidth, needPeak, needMemory, bandwidth, peak, capacity }) =>
        needBandwidth === null || needPeak === null || needMemory === null
          ? null
          : (bandwidth ?? 0) >= needBandwidth && peak >= needPeak && (capacity ?? 0) >= needMemory,
    }),
    // Not statusCells: the status reads only required_bandwidth (PASS unless no_solution) and the
    // reason only the device comparison, so an error in a device figure blocks the reason alone.
    derived({
      id: 'synthesis.status', label: 'Wall 22 status', unit: 'enum', layer: 'E', wall: 22, source: src,
      doc: 'PASS when the inverse roofline has an answer (a no-solution answer shows as WARN on the board).',
      formula: 'PASS unless no_solution', inputs: { bandwidth: gate('synthesis.required_bandwidth') }, compute: () => 'PASS',
    }),
    derived({
      id: 'synthesis.status_reason', label: 'Wall 22 status reason', unit: 'text', layer: 'E', wall: 22, source: src,
      doc: 'Why wall 22 has its status.', formula: '—', inputs: { meets: optFlag('synthesis.current_device_meets_target') },
      compute: ({ meets }) => (meets === false ? 'this device does not meet the target' : ''),
    }),
  ];
}
