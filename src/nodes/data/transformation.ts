/**
 * Wall 9: Transformation, physics.md §6 wall 9 — CPU preprocessing against the accelerator
 * step. Preprocessing is pipelined with the step, so the slower of the two sets the pace.
 *
 * The accelerator step is wired to the mode (§13.28): wall 14's step_latency in training,
 * wall 1's latency (the decode step in serving) otherwise. Samples per step per node are
 * effective_global_batch/N_nodes in training and B·(devices per node) otherwise (each
 * device of an inference fleet is a replica; B for one device, as the spec states).
 *
 * When the devices split the model (src/nodes/parallel; physics.md Amendments, "Parallelism
 * outside training") a replica is t·p·c devices: the step is the replica's decode step
 * (communication.decode_step_time: every stage, the collectives and the hand-offs), and each
 * step the system consumes replicas·B samples, spread over the nodes' CPUs, so a node
 * preprocesses replicas·B/N_nodes per step — the fleet's samples per second, B·replicas/T_step,
 * against N_nodes·cpu_samples_per_second.
 */
import { type CellDef, type ComputeResult, derived, fail, input, number, optNumber } from '../../graph/index.js';
import { reasons, statusCells, verdict, type Verdict } from '../common/status.js';
import type { BuildContext } from '../context.js';
import { hasParallelLayout } from '../parallel/layout-cells.js';

/** §11.3 wall 9: WARN when T_tr > 0.8·T_step. */
const WARN_FRACTION = 0.8;

function transformationStatus(tTr: number, tStep: number): Verdict {
  return verdict(
    reasons([tTr > tStep && `CPU preprocessing takes ${(tTr / tStep).toPrecision(4)}× the accelerator step`]),
    reasons([tTr > WARN_FRACTION * tStep && `CPU preprocessing takes more than ${WARN_FRACTION * 100} % of the accelerator step`]),
  );
}

export function transformationCells(ctx: BuildContext): CellDef[] {
  const wall = 9;
  const layer = 'E' as const;
  const training = ctx.mode === 'training';
  const split = hasParallelLayout(ctx);
  const stepCell = training ? 'communication.step_latency' : split ? 'communication.decode_step_time' : 'compute.latency';
  const samplesCell = {
    id: 'transformation.samples_per_step_per_node_effective', label: 'Samples per step per node',
    doc: 'Samples each node preprocesses per step: the override, else the batch share of a node.', unit: '1', layer, wall,
  };
  const samplesOverride = optNumber('transformation.samples_per_step_per_node');
  const samplesPerNode = training
    ? derived({
        ...samplesCell, formula: 'samples = override ?? effective_global_batch/N_nodes',
        inputs: { override: samplesOverride, batch: number('communication.effective_global_batch'), nodes: number('communication.num_nodes') },
        compute: ({ override, batch, nodes }) => override ?? batch / nodes,
      })
    : split
      ? derived({
        ...samplesCell, formula: 'samples = override ?? replicas·B/N_nodes, replicas = N/(t·p·c)',
        doc: 'Samples each node preprocesses per step: the override, else its share of every replica\'s batch.',
        inputs: { override: samplesOverride, replicas: number('communication.replicas'), batch: number('scenario.batch_size'), nodes: number('capital.num_nodes') },
        compute: ({ override, replicas, batch, nodes }) => override ?? (replicas * batch) / nodes,
      })
      : derived({
        ...samplesCell, formula: 'samples = override ?? B·N/N_nodes',
        inputs: { override: samplesOverride, batch: number('scenario.batch_size'), devices: number('capital.num_devices'), nodes: number('capital.num_nodes') },
        compute: ({ override, batch, devices, nodes }) => override ?? (batch * devices) / nodes,
      });
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
    samplesPerNode,
    derived({
      id: 'transformation.accelerator_step_time', label: 'Accelerator step time', doc: `The step the preprocessing must keep up with (${stepCell}).`,
      unit: 's', layer, wall, formula: `T_step = ${stepCell}`, inputs: { step: number(stepCell) }, compute: ({ step }) => step,
    }),
    derived({
      id: 'transformation.active', label: 'Transformation active', doc: 'Wall 9 is active when cpu_samples_per_second is set.',
      unit: 'bool', layer, wall, formula: 'active ⇔ cpu_samples_per_second set',
      inputs: { cpuRate: optNumber('transformation.cpu_samples_per_second') }, compute: ({ cpuRate }) => cpuRate !== null,
    }),
    derived({
      id: 'transformation.transform_time', label: 'Preprocessing time', doc: 'CPU time to preprocess one step\'s samples on a node.',
      unit: 's', layer, wall, formula: 'T_tr = samples_per_step_per_node/cpu_samples_per_second',
      inputs: { samples: number('transformation.samples_per_step_per_node_effective'), cpuRate: optNumber('transformation.cpu_samples_per_second') },
      compute: ({ samples, cpuRate }): ComputeResult =>
        cpuRate === null ? fail('missing_data', 'cpu_samples_per_second is not set; set transformation.cpu_samples_per_second') : samples / cpuRate,
    }),
    derived({
      id: 'transformation.effective_step_time', label: 'Effective step time', doc: 'Pipelined step time: the slower of preprocessing and the accelerator.',
      unit: 's', layer, wall, formula: 'max(T_tr, T_step)',
      inputs: { transformTime: number('transformation.transform_time'), stepTime: number('transformation.accelerator_step_time') },
      compute: ({ transformTime, stepTime }) => Math.max(transformTime, stepTime),
    }),
    derived({
      id: 'transformation.accelerator_utilization', label: 'Accelerator utilisation', doc: 'Fraction of the time the accelerator is busy.',
      unit: '1', layer, wall, formula: 'T_step/effective_step_time',
      inputs: { stepTime: number('transformation.accelerator_step_time'), effective: number('transformation.effective_step_time') },
      compute: ({ stepTime, effective }) => stepTime / effective,
    }),
    derived({
      id: 'transformation.data_slowdown', label: 'Data slowdown', doc: 'How much longer each step takes because of preprocessing.',
      unit: '1', layer, wall, formula: 'effective_step_time/T_step',
      inputs: { effective: number('transformation.effective_step_time'), stepTime: number('transformation.accelerator_step_time') },
      compute: ({ effective, stepTime }) => effective / stepTime,
    }),
    derived({
      id: 'transformation.is_transform_bottleneck', label: 'Preprocessing bound', doc: 'True when the CPUs are slower than the accelerator.',
      unit: 'bool', layer, wall, formula: 'T_tr > T_step',
      inputs: { transformTime: number('transformation.transform_time'), stepTime: number('transformation.accelerator_step_time') },
      compute: ({ transformTime, stepTime }) => transformTime > stepTime,
    }),
    ...statusCells({
      scope: 'transformation', wall, formula: 'FAIL T_tr > T_step; WARN T_tr > 0.8·T_step',
      inputs: { transformTime: number('transformation.transform_time'), stepTime: number('transformation.accelerator_step_time') },
      judge: ({ transformTime, stepTime }) => transformationStatus(transformTime, stepTime),
    }),
  ];
}
