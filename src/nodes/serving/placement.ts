/**
 * Where the bytes of a serving step live on one device, so that wall 4–5's steps are the step
 * walls 1–2 time (physics.md §4.0, wall 2; issue 18 item 7: one headline per scenario, from one
 * step). The step's footprint M = W + KV + A_work(B, n) picks wall 2's regime:
 *
 *   on_chip   M ≤ sram_capacity                 T_m = Q/(sram_bandwidth·η_bw)
 *   resident  main-tier bytes ≤ capacity        T_m = Q/(BW·η_bw)                 (§5 as written)
 *   offload   h = min(M − C, Q) cross the host   T_m = ((Q − h)/BW + h/β_host)/η_bw
 *   two-tier  (microcontrollers, wall 2 4a)     weights from the main tier, the rest from SRAM
 *
 * through memory-tiers.ts, the functions wall 2 itself uses, so the decode step at walls 1–2's
 * point (x = context_len, batch B) has their latency bit for bit. A device without a host link
 * cannot offload: the step is not timed (wall 2's no_solution), never faster than its memory.
 *
 * A weight-streaming device (wall 6, Cerebras) whose step does not fit on chip keeps only KV,
 * activations and two layer buffers there and injects the weights layer by layer, overlapped
 * with compute (physics.md §5 wall 6): its step is wall 6's pass, L·(max(W_l/β_inj,
 * F/L/(peak·η)) + layer_tax) + dispatch_tax, the pass_time of wall 6 at the same batch and
 * context — not wall 2's offload — timed as walls 1–2 time it (memory.weights_streamed). A step that fits on chip is resident, as on any device
 * (docs/physics-notes.md, "Weight-streaming devices").
 */
import { fail, type Failure } from '../../graph/index.js';
import { streamedBandwidth } from '../node/memory.js';
import { effectiveBandwidth, hostBytes, isTwoTier, mainTierBytes, memoryRegime } from '../node/memory-tiers.js';
import { rooflineStep, type StepResult } from '../templates/roofline.js';
import { activationWorkingSet } from '../workload/activations.js';
import type { StepRates } from './lm-physics.js';

/** The device facts a placed step reads (one device, no layout split). */
export interface DevicePlacement {
  readonly device: string;
  /** C_main, B. */
  readonly capacity: number;
  readonly sramCapacity: number | null;
  readonly sramBandwidth: number | null;
  /** β_host, B/s; null when the device lists none (then it cannot offload). */
  readonly hostLink: number | null;
  /** κ_act, d, b_act of A_work(B, n) (§2.8). */
  readonly actFactor: number;
  readonly hidden: number;
  readonly actWidth: number;
  /** β_inj on a weight-streaming device (wall 6); null on a device that holds its weights. */
  readonly injection: number | null;
}

/** A step that cannot be timed; `withFacts` (readers.ts) turns it into its cell's failure. */
export class UntimedStep extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

/** What one single-device step moves: F, W_t, the KV it reads and writes, W, and the footprint's A_work(B, n). */
export interface StepLoad {
  readonly flops: number;
  readonly weightsTouched: number;
  readonly kv: number;
  readonly weights: number;
  readonly layers: number;
  readonly batch: number;
  readonly newTokens: number;
}

/**
 * A placed step: the §3.1 result and the link that bounds its memory time, when one does — wall 1's
 * "Host link" (offload) or wall 6's "Injection bandwidth" (streamed) — for the bottleneck label.
 */
export interface PlacedStep extends StepResult {
  readonly link: 'Host link' | 'Injection bandwidth' | null;
}

/** The label walls 1 and 6 give a step: its link when memory-bound over one, else Compute/Memory/Overhead. */
export function bottleneckLabel(step: StepResult | PlacedStep): string {
  return 'link' in step && step.link !== null && step.bottleneck === 'Memory' ? step.link : step.bottleneck;
}

/** The step of `load` on the device `p` (k = 1, L_x = L): wall 2's regime, or wall 6's streamed pass. */
export function placedStep(load: StepLoad, r: StepRates, p: DevicePlacement): PlacedStep {
  const bytes = load.weightsTouched + load.kv;
  const footprint = load.weights + load.kv + activationWorkingSet(load.batch, load.newTokens, p.actFactor, p.hidden, p.actWidth);
  const twoTier = isTwoTier(footprint, p.sramCapacity, p.sramBandwidth);
  const main = mainTierBytes(footprint, load.weights, twoTier);
  const regime = memoryRegime(footprint, main, p.capacity, p.sramCapacity, p.sramBandwidth);
  if (p.injection !== null && regime === 'offload') return streamedPass(load, r, p.injection);
  const h = hostBytes(regime, regime === 'offload' ? main - p.capacity : 0, bytes, load.weightsTouched, twoTier);
  if (p.hostLink === null && h > 0) {
    throw new UntimedStep(fail('no_solution', `offload not available: ${p.device} lists no host link bandwidth, so the step cannot spill to host memory; it must fit the device memory (set hardware.host_link_bandwidth to model one)`));
  }
  const bandwidth = effectiveBandwidth(
    { regime, twoTier, traffic: bytes, weightTouched: load.weightsTouched, hostBytes: h },
    { main: r.bandwidth, sram: p.sramBandwidth, host: p.hostLink ?? Infinity },
  );
  return { ...rooflineStep({ flops: load.flops, bytes, passes: 1, layers: load.layers, ...r, bandwidth }), link: h > 0 ? 'Host link' : null };
}

/**
 * Wall 6's pass (cells 4–7) as walls 1–2 time it: T_c = F/(peak·η), T_m = W/β_inj (every weight
 * byte, MoE experts included, is streamed; the on-chip KV read is not timed), through the
 * bandwidth memory.ts gives a streamed step (streamedBandwidth), so the step is compute.latency
 * bit for bit and streaming.pass_time, L·(max(W_l/β_inj, F/L/(peak·η)) + layer_tax) + dispatch_tax,
 * up to rounding (the layers are alike: L·max(a, b) = max(L·a, L·b)).
 */
function streamedPass(load: StepLoad, r: StepRates, injection: number): PlacedStep {
  const bytes = load.weightsTouched + load.kv;
  const bandwidth = streamedBandwidth(bytes, load.weights, injection, r.bandwidthEfficiency);
  return { ...rooflineStep({ flops: load.flops, bytes, passes: 1, layers: load.layers, ...r, bandwidth }), link: 'Injection bandwidth' };
}
