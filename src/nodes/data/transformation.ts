/**
 * Wall 9: Transformation, physics.md §6 wall 9 — CPU preprocessing against the accelerator
 * step. Preprocessing is pipelined with the step, so the slower of the two sets the pace.
 *
 * The accelerator step is wired to the mode (§13.28): wall 14's step_latency in training,
 * wall 1's latency (the decode step in serving) otherwise. Samples per step per node are
 * effective_global_batch/N_nodes in training and B·(devices per node) otherwise (each
 * device of an inference fleet is a replica; B for one device, as the spec states).
 */
import { derived, fail, input, type CellDef, type ComputeResult, type Plain } from '../../graph/index.js';
import type { BuildContext } from '../context.js';

const n = (v: Plain): number => v as number;

/** §11.3 wall 9: WARN when T_tr > 0.8·T_step. */
const WARN_FRACTION = 0.8;

function transformationStatus(tTr: number, tStep: number): [string, string] {
  if (tTr > tStep) return ['FAIL', `CPU preprocessing takes ${(tTr / tStep).toPrecision(4)}× the accelerator step`];
  if (tTr > WARN_FRACTION * tStep) return ['WARN', `CPU preprocessing takes more than ${WARN_FRACTION * 100} % of the accelerator step`];
  return ['PASS', ''];
}

export function transformationCells(ctx: BuildContext): CellDef[] {
  const wall = 9;
  const layer = 'E' as const;
  const training = ctx.mode === 'training';
  const stepCell = training ? 'communication.step_latency' : 'compute.latency';
  const perNode = training
    ? { inputs: ['communication.effective_global_batch', 'communication.num_nodes'], formula: 'effective_global_batch/N_nodes', f: (v: Plain[]) => n(v[0]) / n(v[1]) }
    : { inputs: ['scenario.batch_size', 'capital.num_devices', 'capital.num_nodes'], formula: 'B·N/N_nodes', f: (v: Plain[]) => (n(v[0]) * n(v[1])) / n(v[2]) };
  return [
    input({
      id: 'transformation.cpu_samples_per_second', label: 'CPU preprocessing rate', doc: 'Samples one node\'s CPUs preprocess per second; unset skips the wall.',
      unit: '1/s', layer: 'D', wall, default: null, domain: { kind: 'number', min: 0, minExclusive: true, optional: true },
    }),
    input({
      id: 'transformation.samples_per_step_per_node', label: 'Samples per step per node (override)',
      doc: 'Samples each node must preprocess per accelerator step; unset wires the batch.',
      unit: '1', layer, wall, default: null, domain: { kind: 'number', min: 0, minExclusive: true, optional: true },
    }),
    derived({
      id: 'transformation.samples_per_step_per_node_effective', label: 'Samples per step per node',
      doc: 'Samples each node preprocesses per step: the override, else the batch share of a node.',
      unit: '1', layer, wall, formula: `samples = override ?? ${perNode.formula}`,
      inputs: ['transformation.samples_per_step_per_node', ...perNode.inputs], compute: (o, ...v) => (o === null ? perNode.f(v) : n(o)),
    }),
    derived({
      id: 'transformation.accelerator_step_time', label: 'Accelerator step time', doc: `The step the preprocessing must keep up with (${stepCell}).`,
      unit: 's', layer, wall, formula: `T_step = ${stepCell}`, inputs: [stepCell], compute: (t) => n(t),
    }),
    derived({
      id: 'transformation.active', label: 'Transformation active', doc: 'Wall 9 is active when cpu_samples_per_second is set.',
      unit: 'bool', layer, wall, formula: 'active ⇔ cpu_samples_per_second set',
      inputs: ['transformation.cpu_samples_per_second'], compute: (c) => c !== null,
    }),
    derived({
      id: 'transformation.transform_time', label: 'Preprocessing time', doc: 'CPU time to preprocess one step\'s samples on a node.',
      unit: 's', layer, wall, formula: 'T_tr = samples_per_step_per_node/cpu_samples_per_second',
      inputs: ['transformation.samples_per_step_per_node_effective', 'transformation.cpu_samples_per_second'],
      compute: (s, c): ComputeResult =>
        c === null ? fail('missing_data', 'cpu_samples_per_second is not set; set transformation.cpu_samples_per_second') : n(s) / n(c),
    }),
    derived({
      id: 'transformation.effective_step_time', label: 'Effective step time', doc: 'Pipelined step time: the slower of preprocessing and the accelerator.',
      unit: 's', layer, wall, formula: 'max(T_tr, T_step)',
      inputs: ['transformation.transform_time', 'transformation.accelerator_step_time'], compute: (a, b) => Math.max(n(a), n(b)),
    }),
    derived({
      id: 'transformation.accelerator_utilization', label: 'Accelerator utilisation', doc: 'Fraction of the time the accelerator is busy.',
      unit: '1', layer, wall, formula: 'T_step/effective_step_time',
      inputs: ['transformation.accelerator_step_time', 'transformation.effective_step_time'], compute: (s, e) => n(s) / n(e),
    }),
    derived({
      id: 'transformation.data_slowdown', label: 'Data slowdown', doc: 'How much longer each step takes because of preprocessing.',
      unit: '1', layer, wall, formula: 'effective_step_time/T_step',
      inputs: ['transformation.effective_step_time', 'transformation.accelerator_step_time'], compute: (e, s) => n(e) / n(s),
    }),
    derived({
      id: 'transformation.is_transform_bottleneck', label: 'Preprocessing bound', doc: 'True when the CPUs are slower than the accelerator.',
      unit: 'bool', layer, wall, formula: 'T_tr > T_step',
      inputs: ['transformation.transform_time', 'transformation.accelerator_step_time'], compute: (a, b) => n(a) > n(b),
    }),
    ...['status', 'status_reason'].map((which, i) =>
      derived({
        id: `transformation.${which}`, label: i === 0 ? 'Transformation status' : 'Transformation status reason',
        doc: i === 0 ? 'FAIL when T_tr > T_step, WARN when T_tr > 0.8·T_step (§11.3).' : 'Why wall 9 has its status; empty when PASS.',
        unit: i === 0 ? 'enum' : 'text', layer, wall, formula: 'FAIL T_tr > T_step; WARN T_tr > 0.8·T_step',
        inputs: ['transformation.transform_time', 'transformation.accelerator_step_time'],
        compute: (a, b) => transformationStatus(n(a), n(b))[i],
      }),
    ),
  ];
}
