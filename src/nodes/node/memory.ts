/**
 * Wall 2: Memory — capacity, tier and offload (physics.md §4 wall 2, §11.3 row 2). The step's
 * footprint and traffic come from the execution unit (§4.0); the effective bandwidth set here
 * is what wall 1's T_m uses.
 */
import { type CellDef, choice, type ComputeResult, derived, flag, number, optFlag, optNumber, fail } from '../../graph/index.js';
import { spec } from '../common/catalogue-input.js';
import { required } from '../common/plain.js';
import type { BuildContext } from '../context.js';
import { effectiveBandwidth, hostBytes, isTwoTier, mainTierBytes, MEMORY_REGIMES, memoryRegime } from './memory-tiers.js';
import { memoryStatusCells } from './memory-status.js';
import { mayStreamWeights } from './execution-unit.js';

const W2 = spec('§4 wall 2');
const wall = 2;

/**
 * The bandwidth whose T_m = Q/(BW_eff·η_bw) is wall 6's injection time W/β_inj for a step whose
 * weights stream (every weight byte, MoE experts included, once per pass; the on-chip KV read is
 * not timed and β_inj is not derated, as wall 6 writes it): BW_eff = Q·β_inj/(W·η_bw).
 * Serving's placed step (src/nodes/serving/placement.ts) times a streamed step with the same
 * bandwidth, so both give one latency bit for bit.
 */
export const streamedBandwidth = (traffic: number, weights: number, injection: number, bandwidthEfficiency: number): number =>
  (traffic * injection) / (weights * bandwidthEfficiency);

export function memoryCells(ctx: BuildContext): CellDef[] {
  const device = ctx.device.id;
  /** `f` of the device's memory capacity, or the missing_data error when the catalogue has none. */
  const withCapacity = (c: number | null, f: (cap: number) => ComputeResult): ComputeResult => {
    const cap = required(c, device, 'memory_capacity', 'the memory capacity check');
    return typeof cap === 'number' ? f(cap) : cap;
  };
  const footprint = number('memory.memory_footprint');
  const weightBytes = number('memory.step_weight_bytes');
  const mainBytes = number('memory.main_tier_bytes');
  const capacity = optNumber('hardware.memory_capacity');
  const sram = { sramCapacity: optNumber('hardware.sram_capacity'), sramBandwidth: optNumber('hardware.sram_bandwidth') };
  const regime = choice('memory.memory_regime', MEMORY_REGIMES);
  const twoTier = flag('memory.two_tier');
  const traffic = { traffic: number('compute.memory_traffic'), weightTouched: number('memory.step_weight_bytes_touched') };
  const arena = { arena: optNumber('memory.arena_bytes'), sramCapacity: sram.sramCapacity };
  return [
    derived({
      id: 'memory.two_tier',
      label: 'Two-tier step',
      doc: 'The device has SRAM and the footprint exceeds it: weights stay in the main tier, the arena must fit SRAM.',
      unit: 'bool', layer: 'E', wall, source: W2,
      formula: 'sram_capacity and sram_bandwidth set and M_foot > sram_capacity',
      inputs: { footprint, ...sram },
      compute: ({ footprint, sramCapacity, sramBandwidth }) => isTwoTier(footprint, sramCapacity, sramBandwidth),
    }),
    derived({
      id: 'memory.main_tier_bytes',
      label: 'Main-tier bytes',
      doc: 'Bytes that must fit the main memory tier: the weights on a two-tier device, else the whole footprint.',
      unit: 'B', layer: 'E', wall, source: W2,
      formula: 'W if two-tier else M_foot',
      inputs: { footprint, weightBytes, twoTier },
      compute: ({ footprint, weightBytes, twoTier }) => mainTierBytes(footprint, weightBytes, twoTier),
    }),
    derived({
      id: 'memory.memory_regime',
      label: 'Memory regime',
      doc: 'Where the step lives: on_chip (fits SRAM), resident (fits main memory) or offload (spills over the host link).',
      unit: 'enum', layer: 'E', wall, source: W2,
      formula: 'on_chip if M_foot ≤ sram_capacity; resident if main-tier bytes ≤ C_main; else offload',
      inputs: { footprint, mainBytes, capacity, ...sram },
      compute: ({ footprint, mainBytes, capacity, sramCapacity, sramBandwidth }) =>
        withCapacity(capacity, (cap) => memoryRegime(footprint, mainBytes, cap, sramCapacity, sramBandwidth)),
    }),
    derived({
      id: 'memory.spill_bytes',
      label: 'Spill bytes s',
      doc: 'Main-tier bytes that do not fit the device memory (0 unless offloading).',
      unit: 'B', layer: 'E', wall, source: W2,
      formula: 's = main-tier bytes − C_main (offload), else 0',
      inputs: { regime, mainBytes, capacity },
      // Offload implies a known capacity (the regime is an error without one).
      compute: ({ regime, mainBytes, capacity }) => (regime === 'offload' ? withCapacity(capacity, (cap) => mainBytes - cap) : 0),
    }),
    derived({
      id: 'memory.host_bytes',
      label: 'Host bytes h',
      doc: 'Bytes the step touches that are not resident and cross the host link.',
      unit: 'B', layer: 'E', wall, source: W2,
      formula: 'h = min(s, Q) (two-tier: min(s, W_t)); 0 unless offloading',
      inputs: { regime, spill: number('memory.spill_bytes'), ...traffic, twoTier },
      compute: ({ regime, spill, traffic, weightTouched, twoTier }) => hostBytes(regime, spill, traffic, weightTouched, twoTier),
    }),
    derived({
      id: mayStreamWeights(ctx) ? 'memory.stored_bandwidth' : 'memory.effective_bandwidth',
      label: mayStreamWeights(ctx) ? 'Tier bandwidth' : 'Effective bandwidth',
      doc: 'Bandwidth the step sees across its tiers: SRAM (on_chip), main memory (resident), or the time-weighted mix with the host link or SRAM.',
      unit: 'B/s', layer: 'E', wall, source: W2,
      formula: 'BW_eff = Q/((Q − h)/BW_main + h/BW_host) (two-tier: Q/((W_t − h)/BW_main + h/BW_host + (Q − W_t)/BW_sram))',
      inputs: {
        regime, twoTier, ...traffic, hostTraffic: number('memory.host_bytes'),
        bwMain: optNumber('hardware.memory_bandwidth'), bwSram: sram.sramBandwidth, bwHost: optNumber('hardware.host_link_bandwidth'),
      },
      compute: ({ regime, twoTier, traffic, weightTouched, hostTraffic, bwMain, bwSram, bwHost }) => {
        const main = required(bwMain, device, 'memory_bandwidth', 'the memory time');
        if (typeof main !== 'number') return main;
        // A device that lists no host link cannot spill to host memory: the step must fit, and a
        // step that does not is not timed (never faster than the device's own memory).
        if (bwHost === null && hostTraffic > 0) {
          return fail('no_solution', `offload not available: ${device} lists no host link bandwidth, so the step cannot spill to host memory; it must fit the device memory (set hardware.host_link_bandwidth to model one)`);
        }
        const split = { regime, twoTier, traffic, weightTouched, hostBytes: hostTraffic };
        // Without a host link no byte crosses one (h = 0), so its bandwidth is never read.
        return effectiveBandwidth(split, { main, sram: bwSram, host: bwHost ?? Infinity });
      },
    }),
    ...(mayStreamWeights(ctx) ? [streamedEffectiveBandwidth()] : []),
    derived({
      id: 'memory.arena_bytes',
      label: 'Arena bytes M_ar',
      doc: 'On a two-tier device, the footprint apart from the weights (activations, KV), which must live in SRAM; unset otherwise.',
      unit: 'B', layer: 'E', wall, source: W2,
      formula: 'M_ar = M_foot − W (two-tier only)',
      inputs: { twoTier, footprint, weightBytes },
      compute: ({ twoTier, footprint, weightBytes }) => (twoTier ? footprint - weightBytes : null),
    }),
    derived({
      id: 'memory.arena_fits',
      label: 'Arena fits SRAM',
      doc: 'On a two-tier device, whether the arena fits the SRAM; unset otherwise.',
      unit: 'bool', layer: 'E', wall, source: W2,
      formula: 'M_ar ≤ sram_capacity',
      inputs: arena,
      // The arena is set only on a two-tier device, which has an SRAM capacity.
      compute: ({ arena, sramCapacity }) => (arena === null || sramCapacity === null ? null : arena <= sramCapacity),
    }),
    derived({
      id: 'memory.sram_utilization',
      label: 'SRAM utilisation',
      doc: 'On a two-tier device, the share of SRAM the arena uses; unset otherwise.',
      unit: '1', layer: 'E', wall, source: W2,
      formula: 'M_ar/sram_capacity',
      inputs: arena,
      compute: ({ arena, sramCapacity }) => (arena === null || sramCapacity === null ? null : arena / sramCapacity),
    }),
    derived({
      id: 'memory.feasible',
      label: 'Memory feasible',
      doc: 'The step fits the device without offloading (and, on a two-tier device, its arena fits SRAM).',
      unit: 'bool', layer: 'E', wall, source: W2,
      formula: 'memory_regime ≠ offload and (not two-tier or arena_fits)',
      inputs: { regime, arenaFits: optFlag('memory.arena_fits') },
      compute: ({ regime, arenaFits }) => regime !== 'offload' && arenaFits !== false,
    }),
    derived({
      id: 'memory.memory_utilization',
      label: 'Memory utilisation U',
      doc: 'Share of the main memory tier the step needs (the weights on a two-tier device).',
      unit: '1', layer: 'E', wall, source: W2,
      formula: 'U = M_foot/C_main (two-tier: W/C_main)',
      inputs: { mainBytes, capacity },
      compute: ({ mainBytes, capacity }) => withCapacity(capacity, (cap) => mainBytes / cap),
    }),
    derived({
      id: 'memory.memory_headroom',
      label: 'Memory headroom',
      doc: 'Main-tier capacity left over (negative when the step does not fit).',
      unit: 'B', layer: 'E', wall, source: W2,
      formula: 'C_main − M_foot (two-tier: C_main − W)',
      inputs: { mainBytes, capacity },
      compute: ({ mainBytes, capacity }) => withCapacity(capacity, (cap) => cap - mainBytes),
    }),
    ...memoryStatusCells(),
  ];
}

/**
 * memory.effective_bandwidth on a weight-streaming device (one device, LM, not training): wall 6's
 * injection when the weights stream (memory.weights_streamed), else the tiers' bandwidth.
 */
function streamedEffectiveBandwidth(): CellDef {
  return derived({
    id: 'memory.effective_bandwidth',
    label: 'Effective bandwidth',
    doc: 'Bandwidth the step sees: the tiers\' (memory.stored_bandwidth), or, when the weights stream, the one that makes T_m wall 6\'s injection time W/β_inj.',
    unit: 'B/s', layer: 'E', wall, source: spec('§5 wall 6'),
    formula: 'streamed: BW_eff = Q·β_inj/(W·η_bw) (T_m = W/β_inj); else stored_bandwidth',
    inputs: {
      streamed: flag('memory.weights_streamed'), stored: number('memory.stored_bandwidth'), traffic: number('compute.memory_traffic'),
      weights: number('memory.step_weight_bytes'), injection: number('streaming.injection_bandwidth_effective'),
      bandwidthEfficiency: number('scenario.bandwidth_efficiency'),
    },
    compute: ({ streamed, stored, traffic, weights, injection, bandwidthEfficiency }) =>
      (streamed ? streamedBandwidth(traffic, weights, injection, bandwidthEfficiency) : stored),
  });
}
