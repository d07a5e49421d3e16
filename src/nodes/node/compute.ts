/**
 * Wall 1: Compute — the roofline step of the execution unit, MFU/HFU, power and energy
 * (physics.md §4 wall 1, §11.3 row 1). T_m uses wall 2's effective bandwidth, so the offload
 * and two-tier memory times flow through the ordinary §3.1 form; the bottleneck reads wall 2's
 * regime to say "Host link".
 */
import { type CellDef, derived, number, optNumber, text } from '../../graph/index.js';
import { spec } from '../common/catalogue-input.js';
import { alwaysActive, nearTarget, statusCells, verdict, type Verdict } from '../common/status.js';
import { type BuildContext, isLM } from '../context.js';
import { bottleneckOf, rooflineCells, stepLatency } from '../templates/roofline.js';
import { stepName } from './execution-unit.js';
import { powerCells } from './power.js';

const W1 = spec('§4 wall 1');
const wall = 1;
/** Reasons quote ratios, never dimensional numbers, so they do not depend on the unit system. */
const fmt = (x: number): string => String(Number(x.toPrecision(4)));

/** Compute/Memory/Overhead, with Memory relabelled "Host link" when the spill crosses the host link. */
export function wallOneBottleneck(tCompute: number, tMemory: number, regime: string, hostBytes: number): string {
  const b = bottleneckOf(tCompute, tMemory);
  return b === 'Memory' && regime === 'offload' && hostBytes > 0 ? 'Host link' : b;
}

/** The wall 1 rules (§11.3 row 1) as a pure function. */
export function judgeCompute(x: {
  latency: number;
  bottleneck: string;
  throughput: number;
  targetLatency: number | null;
  targetThroughput: number | null;
  targetMargin: number;
}): Verdict {
  const fails: string[] = [];
  const warns: string[] = [];
  if (x.targetLatency !== null && x.bottleneck === 'Compute') {
    const ratio = fmt(x.latency / x.targetLatency);
    if (x.latency > x.targetLatency) fails.push(`latency is ${ratio}× the target (Compute-bound)`);
    else if (nearTarget(x.latency, x.targetLatency, x.targetMargin)) warns.push(`latency is ${ratio}× the target, within the ${x.targetMargin} margin (Compute-bound)`);
  }
  if (x.targetThroughput !== null && x.throughput < x.targetThroughput) {
    warns.push(`throughput is ${fmt(x.throughput / x.targetThroughput)}× the target`);
  }
  return verdict(fails, warns);
}

export function computeCells(ctx: BuildContext): CellDef[] {
  const lm = isLM(ctx.model.family);
  const training = ctx.mode === 'training';
  return [
    ...rooflineCells({
      scope: 'compute',
      wall,
      step: stepName(ctx),
      sources: {
        flops: 'compute.hw_flops_per_step',
        bytes: 'compute.memory_traffic',
        peakFlops: 'hardware.peak_flops',
        efficiency: 'software.efficiency_effective',
        bandwidth: 'memory.effective_bandwidth',
        bandwidthEfficiency: 'scenario.bandwidth_efficiency',
        dispatchTax: 'scenario.dispatch_tax',
        layerTax: 'scenario.layer_tax',
        passes: 'compute.passes',
        layers: 'compute.layers_executed',
      },
      omit: ['bottleneck', 'latency'],
    }),
    derived({
      id: 'compute.latency', label: 'Latency T',
      // The formula keeps §3.1's form: T_c here is compute.t_compute_under_cap (T_c/s; T_c itself without a binding cap).
      doc: `Time of one ${stepName(ctx)}: the slower of compute (at the clock a power cap leaves) and memory, plus overhead.`,
      unit: 's', layer: 'E', wall, source: spec('§3.1'), formula: 'T = max(T_c, T_m) + T_ov',
      inputs: { tc: number('compute.t_compute_under_cap'), tm: number('compute.t_memory'), tov: number('compute.t_overhead') },
      compute: ({ tc, tm, tov }) => stepLatency(tc, tm, tov),
    }),
    derived({
      id: 'compute.bottleneck',
      label: 'Bottleneck',
      doc: 'What limits the step: Compute (ties included; its time at the clock a power cap leaves), Memory, Host link (memory-bound while offloading) or Overhead.',
      unit: 'enum', layer: 'E', wall, source: W1,
      formula: 'Memory if T_m > T_c (Host link when offloading); Compute if T_c ≥ T_m and T_c > 0; else Overhead',
      inputs: { tc: number('compute.t_compute_under_cap'), tm: number('compute.t_memory'), regime: text('memory.memory_regime'), hostBytes: number('memory.host_bytes') },
      compute: ({ tc, tm, regime, hostBytes }) => wallOneBottleneck(tc, tm, regime, hostBytes),
    }),
    derived({
      id: 'compute.throughput_unit',
      label: 'Throughput unit',
      doc: 'What compute.throughput counts.',
      unit: 'enum', layer: 'E', wall, source: W1,
      formula: lm ? 'tokens/s (LM)' : 'samples/s (non-LM)',
      inputs: {},
      compute: () => (lm ? 'tokens/s' : 'samples/s'),
    }),
    derived({
      id: 'compute.throughput',
      label: 'Throughput',
      doc: training
        ? `${lm ? 'Tokens' : 'Samples'} per second of one GPU's microbatch (the fleet figure is wall 14's).`
        : `${lm ? 'Tokens' : 'Samples'} per second of the step.`,
      unit: lm ? 'tokens/s' : 'samples/s', layer: 'E', wall, source: W1,
      formula: training ? 'tokens_per_microbatch/latency' : 'B/latency',
      inputs: { items: number('compute.items_per_step'), latency: number('compute.latency') },
      compute: ({ items, latency }) => items / latency,
    }),
    derived({
      id: 'compute.mfu',
      label: 'MFU',
      doc: 'Model FLOP utilisation: model FLOPs per second over the peak (never above η).',
      unit: '1', layer: 'E', wall, source: W1,
      formula: 'mfu = (F/latency)/peak_flops',
      inputs: { flops: number('compute.flops_per_step'), latency: number('compute.latency'), peak: number('hardware.peak_flops') },
      compute: ({ flops, latency, peak }) => flops / latency / peak,
    }),
    derived({
      id: 'compute.hfu',
      label: 'HFU',
      doc: 'Hardware FLOP utilisation: executed FLOPs (recompute included) per second over the peak.',
      unit: '1', layer: 'E', wall, source: W1,
      formula: 'hfu = (F_hw/latency)/peak_flops',
      inputs: { hwFlops: number('compute.hw_flops_per_step'), latency: number('compute.latency'), peak: number('hardware.peak_flops') },
      compute: ({ hwFlops, latency, peak }) => hwFlops / latency / peak,
    }),
    ...powerCells(ctx),
    alwaysActive('compute', wall),
    ...statusCells({
      scope: 'compute',
      wall,
      formula: 'FAIL if latency > target_latency and Compute-bound; WARN if latency ≥ 90 % of target and Compute-bound, or throughput < target_throughput',
      inputs: {
        latency: number('compute.latency'), bottleneck: text('compute.bottleneck'), throughput: number('compute.throughput'),
        targetLatency: optNumber('scenario.target_latency'), targetThroughput: optNumber('scenario.target_throughput'),
        targetMargin: number('scenario.target_margin'),
      },
      judge: judgeCompute,
    }),
  ];
}
