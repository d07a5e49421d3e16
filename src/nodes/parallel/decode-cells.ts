/**
 * Wall 14 in inference and serving: the decode step of one replica whose model is split over
 * t·p devices (physics.md Amendments, "Parallelism outside training"). Wall 1's roofline is
 * one device's share of one stage (node/execution-unit.ts); this adds the collectives and the
 * pass through the stages, at the scenario's batch B and context x:
 *
 *   T_stage = compute.latency + 2·L_stage·ring_allreduce(B·d·b_act, t)       (Megatron-LM TP)
 *                             + 2·⌈L_moe/p⌉·all_to_all(B·d·b_act·k, e)        (GShard, Switch)
 *                             + L_stage·ring_allreduce(B·d·b_act/t, c)          (CP: KV sharded, ring.ts)
 *   T_step  = p·T_stage + (p−1)·p2p(B·d·b_act)                               (GPipe hand-offs)
 *
 * With t = p = e = c = 1 the collectives are 0 and T_step is compute.latency exactly.
 */
import { type CellDef, derived, Failure, flag, number } from '../../graph/index.js';
import { spec } from '../common/catalogue-input.js';
import { statusCells, verdict } from '../common/status.js';
import type { BuildContext } from '../context.js';
import { hasParallelLayout } from './layout-cells.js';
import { stageCpMerge, stageEpComm, stageHandoff, stageTpComm, type Shard } from './shard.js';
import { shardInputs, shardOf, type ShardArgs } from './shard-inputs.js';

const S = 'communication';
const W = 14;
const common = { layer: 'E' as const, wall: W, source: spec('Amendments, parallelism outside training; §3.2, §8.4') };

/** `f` of the shard at the scenario batch (0 when the replica is one device). */
function atBatch(f: (s: Shard, tokens: number) => number) {
  return (a: ShardArgs & { readonly batch: number }): number | Failure => {
    const s = shardOf(a);
    if (s instanceof Failure) return s;
    return s === null ? 0 : f(s, a.batch);
  };
}

export function parallelDecodeCells(ctx: BuildContext): CellDef[] {
  if (!hasParallelLayout(ctx)) return [];
  const batch = number('scenario.batch_size');
  const stepInputs = { ...shardInputs(), batch };
  const serving = ctx.mode === 'serving';
  const cells: CellDef[] = [
    derived({
      ...common, id: `${S}.decode_tp_comm`, label: 'TP all-reduces per decode step', unit: 's', displayUnit: 'ms',
      formula: '2 · L_stage · κ · ring_allreduce(B·d·b_act, t, β_tp, α_tp); NVLink if t ≤ g',
      doc: 'Two all-reduces of the activations per layer on one stage (after attention and after the MLP; Shoeybi et al. 2019).',
      inputs: stepInputs, compute: atBatch(stageTpComm),
    }),
    derived({
      ...common, id: `${S}.decode_ep_comm`, label: 'EP all-to-alls per decode step', unit: 's', displayUnit: 'ms',
      formula: '2 · ⌈L_moe/p⌉ · κ · all_to_all(B·d·b_act·k, e, β_ep, α_ep); NVLink if t·e ≤ g',
      doc: 'Dispatch and combine of the routed tokens per MoE layer on one stage (Lepikhin et al. 2020; Fedus et al. 2021).',
      inputs: stepInputs, compute: atBatch(stageEpComm),
    }),
    derived({
      ...common, id: `${S}.decode_cp_comm`, label: 'CP merges per decode step', unit: 's', displayUnit: 'ms',
      formula: 'L_stage · κ · ring_allreduce(B·d·b_act/t, c, β_cp, α_cp); NVLink if t·c ≤ g',
      doc: 'With the KV cache sharded over a context-parallel ring, each rank attends over its share; one all-reduce per layer merges the partial outputs (Shyam et al. 2024, Tree Attention).',
      inputs: stepInputs, compute: atBatch(stageCpMerge),
    }),
    derived({
      ...common, id: `${S}.decode_pp_comm`, label: 'Stage hand-offs per decode step', unit: 's', displayUnit: 'ms',
      formula: '(p − 1) · κ · p2p(B·d·b_act, β_pp, α_pp)',
      doc: 'The activations sent from each stage to the next in one pass (Huang et al. 2019, GPipe).',
      inputs: stepInputs, compute: atBatch((s, tokens) => (s.pp - 1) * stageHandoff(s, tokens)),
    }),
    derived({
      ...common, id: `${S}.decode_stage_time`, label: 'Decode time per stage', unit: 's', displayUnit: 'ms',
      formula: 'T_stage = compute.latency + T_tp + T_ep + T_cp',
      doc: 'One stage of the replica: one device\'s roofline step and overhead (wall 1) plus its collectives.',
      inputs: { latency: number('compute.latency'), tp: number(`${S}.decode_tp_comm`), ep: number(`${S}.decode_ep_comm`), cp: number(`${S}.decode_cp_comm`) },
      compute: ({ latency, tp, ep, cp }) => latency + tp + ep + cp,
    }),
    derived({
      ...common, id: `${S}.decode_step_time`, label: 'Decode step time', unit: 's', displayUnit: 'ms',
      formula: 'T_step = p · T_stage + (p − 1) · hand-off',
      doc: 'Time for the replica\'s batch to produce one token each: every stage in turn, and the hand-offs between them.',
      inputs: { p: number(`${S}.pp`), stage: number(`${S}.decode_stage_time`), handoffs: number(`${S}.decode_pp_comm`) },
      compute: ({ p, stage, handoffs }) => p * stage + handoffs,
    }),
    derived({
      ...common, id: `${S}.scaling_efficiency`, label: 'Decode scaling efficiency', unit: '1',
      formula: 'p · max(T_c, T_m) / T_step',
      doc: 'Share of the decode step spent in the devices\' roofline work, not in collectives, hand-offs or launch overhead.',
      inputs: {
        p: number(`${S}.pp`), latency: number('compute.latency'), overhead: number('compute.t_overhead'), step: number(`${S}.decode_step_time`),
      },
      compute: ({ p, latency, overhead, step }) => (p * (latency - overhead)) / step,
    }),
    serving
      ? derived({
        ...common, id: `${S}.fleet_throughput`, label: 'Fleet throughput', unit: 'tokens/s',
        formula: 'replicas · Θ_tok (wall 5 at capacity)',
        doc: 'Output tokens per second of all replicas with every request slot busy.',
        inputs: { replicas: number(`${S}.replicas`), perReplica: number('batching.throughput_tokens_per_second') },
        compute: ({ replicas, perReplica }) => replicas * perReplica,
      })
      : derived({
        ...common, id: `${S}.fleet_throughput`, label: 'Fleet throughput', unit: 'tokens/s', formula: 'replicas · B / T_step',
        doc: 'Tokens per second of all replicas, each decoding its batch of B sequences.',
        inputs: { replicas: number(`${S}.replicas`), batch, step: number(`${S}.decode_step_time`) },
        compute: ({ replicas, batch, step }) => (replicas * batch) / step,
      }),
    derived({
      ...common, id: `${S}.fleet_mfu`, label: 'Fleet MFU', unit: '1', formula: 'replicas · B·F_tok(x) / (T_step · N · peak_flops)',
      doc: 'Model FLOPs of the decode steps of all replicas over the peak of all devices.',
      inputs: {
        replicas: number(`${S}.replicas`), batch, tokenFlops: number('workload.decode_flops_per_token'), step: number(`${S}.decode_step_time`),
        devices: number(`${S}.num_devices`), peak: number('hardware.peak_flops'),
      },
      compute: ({ replicas, batch, tokenFlops, step, devices, peak }) => (replicas * batch * tokenFlops) / (step * devices * peak),
    }),
    derived({
      ...common, id: `${S}.active`, label: 'Wall 14 active', unit: 'bool', formula: 'the model is split over devices',
      doc: 'Wall 14 is on the board whenever the system\'s devices split one model.', inputs: {}, compute: () => true,
    }),
    ...statusCells({
      scope: S, wall: W,
      formula: 'WARN if the TP group crosses nodes, or scaling efficiency < 0.5; else PASS',
      inputs: { efficiency: number(`${S}.scaling_efficiency`), tpIntra: flag(`${S}.tp_intra_node`), t: number(`${S}.tp`) },
      judge: ({ efficiency, tpIntra, t }) => verdict([], [
        ...(tpIntra ? [] : [`the TP group of ${t} crosses nodes: its all-reduces run on the fabric`]),
        ...(efficiency < 0.5 ? [`collectives, hand-offs and overhead take ${Math.round((1 - efficiency) * 100)} % of the decode step`] : []),
      ]),
    }),
  ];
  if (ctx.mode === 'inference') {
    // §11.5 inference row: walls 1–3 own one stage's roofline and overhead (node/binding.ts);
    // the rest of the step — the other stages in turn, the collectives, the hand-offs — is the split's cost.
    cells.push(derived({
      ...common, id: `${S}.binding_part`, label: 'Wall 14 share of latency', unit: 's', formula: 'T_step − compute.latency',
      doc: 'The part of the decode step owned by wall 14 in the binding-wall split: what splitting the model adds to one stage.',
      inputs: { step: number(`${S}.decode_step_time`), latency: number('compute.latency') },
      compute: ({ step, latency }) => step - latency,
    }));
  }
  return cells;
}
