/**
 * Wall 2: Memory — capacity, tier and offload (physics.md §4 wall 2, §11.3 row 2). The step's
 * footprint and traffic come from the execution unit (§4.0); the effective bandwidth set here
 * is what wall 1's T_m uses.
 */
import { type CellDef, derived, input, type Plain, warn } from '../../graph/index.js';
import { spec } from '../common/catalogue-input.js';
import { bool, num, numOrNull, required, str } from '../common/plain.js';
import type { BuildContext } from '../context.js';
import { effectiveBandwidth, hostBytes, isTwoTier, mainTierBytes, type MemoryRegime, memoryRegime } from './memory-tiers.js';
import { memoryStatusCells } from './memory-status.js';

const W2 = spec('§4 wall 2');
const wall = 2;

export function memoryCells(ctx: BuildContext): CellDef[] {
  const device = ctx.device.id;
  const capacity = (v: Plain) => required(v, device, 'memory_capacity', 'the memory capacity check');
  return [
    input({
      id: 'memory.host_link_bandwidth_fallback',
      label: 'Host link fallback bandwidth',
      doc: 'Host link bandwidth assumed for offload when the device lists none (PCIe Gen5 x16, per direction).',
      unit: 'B/s',
      layer: 'B',
      wall,
      default: 64e9,
      domain: { kind: 'number', min: 0, minExclusive: true },
      source: spec('§1.5'),
    }),
    derived({
      id: 'memory.two_tier',
      label: 'Two-tier step',
      doc: 'The device has SRAM and the footprint exceeds it: weights stay in the main tier, the arena must fit SRAM.',
      unit: 'bool', layer: 'E', wall, source: W2,
      formula: 'sram_capacity and sram_bandwidth set and M_foot > sram_capacity',
      inputs: ['memory.memory_footprint', 'hardware.sram_capacity', 'hardware.sram_bandwidth'],
      compute: (m, sc, sb) => isTwoTier(num(m), numOrNull(sc), numOrNull(sb)),
    }),
    derived({
      id: 'memory.main_tier_bytes',
      label: 'Main-tier bytes',
      doc: 'Bytes that must fit the main memory tier: the weights on a two-tier device, else the whole footprint.',
      unit: 'B', layer: 'E', wall, source: W2,
      formula: 'W if two-tier else M_foot',
      inputs: ['memory.memory_footprint', 'memory.step_weight_bytes', 'memory.two_tier'],
      compute: (m, w, t) => mainTierBytes(num(m), num(w), bool(t)),
    }),
    derived({
      id: 'memory.memory_regime',
      label: 'Memory regime',
      doc: 'Where the step lives: on_chip (fits SRAM), resident (fits main memory) or offload (spills over the host link).',
      unit: 'enum', layer: 'E', wall, source: W2,
      formula: 'on_chip if M_foot ≤ sram_capacity; resident if main-tier bytes ≤ C_main; else offload',
      inputs: ['memory.memory_footprint', 'memory.main_tier_bytes', 'hardware.memory_capacity', 'hardware.sram_capacity', 'hardware.sram_bandwidth'],
      compute: (m, mb, c, sc, sb) => {
        const cap = capacity(c);
        if (typeof cap !== 'number') return cap;
        return memoryRegime(num(m), num(mb), cap, numOrNull(sc), numOrNull(sb));
      },
    }),
    derived({
      id: 'memory.spill_bytes',
      label: 'Spill bytes s',
      doc: 'Main-tier bytes that do not fit the device memory (0 unless offloading).',
      unit: 'B', layer: 'E', wall, source: W2,
      formula: 's = main-tier bytes − C_main (offload), else 0',
      inputs: ['memory.memory_regime', 'memory.main_tier_bytes', 'hardware.memory_capacity'],
      compute: (r, mb, c) => (str(r) === 'offload' ? num(mb) - num(c) : 0),
    }),
    derived({
      id: 'memory.host_bytes',
      label: 'Host bytes h',
      doc: 'Bytes the step touches that are not resident and cross the host link.',
      unit: 'B', layer: 'E', wall, source: W2,
      formula: 'h = min(s, Q) (two-tier: min(s, W_t)); 0 unless offloading',
      inputs: ['memory.memory_regime', 'memory.spill_bytes', 'compute.memory_traffic', 'memory.step_weight_bytes_touched', 'memory.two_tier'],
      compute: (r, s, q, wt, t) => hostBytes(str(r) as MemoryRegime, num(s), num(q), num(wt), bool(t)),
    }),
    derived({
      id: 'memory.effective_bandwidth',
      label: 'Effective bandwidth',
      doc: 'Bandwidth the step sees across its tiers: SRAM (on_chip), main memory (resident), or the time-weighted mix with the host link or SRAM.',
      unit: 'B/s', layer: 'E', wall, source: W2,
      formula: 'BW_eff = Q/((Q − h)/BW_main + h/BW_host) (two-tier: Q/((W_t − h)/BW_main + h/BW_host + (Q − W_t)/BW_sram))',
      inputs: [
        'memory.memory_regime', 'memory.two_tier', 'compute.memory_traffic', 'memory.step_weight_bytes_touched', 'memory.host_bytes',
        'hardware.memory_bandwidth', 'hardware.sram_bandwidth', 'hardware.host_link_bandwidth', 'memory.host_link_bandwidth_fallback',
      ],
      compute: (r, t, q, wt, h, bwMain, bwSram, bwHost, fallback) => {
        const main = required(bwMain, device, 'memory_bandwidth', 'the memory time');
        if (typeof main !== 'number') return main;
        const regime = str(r) as MemoryRegime;
        const split = { regime, twoTier: bool(t), traffic: num(q), weightTouched: num(wt), hostBytes: num(h) };
        const host = numOrNull(bwHost);
        const bw = effectiveBandwidth(split, { main, sram: numOrNull(bwSram), host: host ?? num(fallback) });
        if (host === null && split.hostBytes > 0) {
          return warn(bw, `${device} lists no host link bandwidth; offload assumes ${num(fallback) / 1e9} GB/s (PCIe Gen5 x16)`);
        }
        return bw;
      },
    }),
    derived({
      id: 'memory.arena_bytes',
      label: 'Arena bytes M_ar',
      doc: 'On a two-tier device, the footprint apart from the weights (activations, KV), which must live in SRAM; unset otherwise.',
      unit: 'B', layer: 'E', wall, source: W2,
      formula: 'M_ar = M_foot − W (two-tier only)',
      inputs: ['memory.two_tier', 'memory.memory_footprint', 'memory.step_weight_bytes'],
      compute: (t, m, w) => (bool(t) ? num(m) - num(w) : null),
    }),
    derived({
      id: 'memory.arena_fits',
      label: 'Arena fits SRAM',
      doc: 'On a two-tier device, whether the arena fits the SRAM; unset otherwise.',
      unit: 'bool', layer: 'E', wall, source: W2,
      formula: 'M_ar ≤ sram_capacity',
      inputs: ['memory.arena_bytes', 'hardware.sram_capacity'],
      compute: (a, sc) => (numOrNull(a) === null ? null : num(a) <= num(sc)),
    }),
    derived({
      id: 'memory.sram_utilization',
      label: 'SRAM utilisation',
      doc: 'On a two-tier device, the share of SRAM the arena uses; unset otherwise.',
      unit: '1', layer: 'E', wall, source: W2,
      formula: 'M_ar/sram_capacity',
      inputs: ['memory.arena_bytes', 'hardware.sram_capacity'],
      compute: (a, sc) => (numOrNull(a) === null ? null : num(a) / num(sc)),
    }),
    derived({
      id: 'memory.feasible',
      label: 'Memory feasible',
      doc: 'The step fits the device without offloading (and, on a two-tier device, its arena fits SRAM).',
      unit: 'bool', layer: 'E', wall, source: W2,
      formula: 'memory_regime ≠ offload and (not two-tier or arena_fits)',
      inputs: ['memory.memory_regime', 'memory.arena_fits'],
      compute: (r, fits) => str(r) !== 'offload' && fits !== false,
    }),
    derived({
      id: 'memory.memory_utilization',
      label: 'Memory utilisation U',
      doc: 'Share of the main memory tier the step needs (the weights on a two-tier device).',
      unit: '1', layer: 'E', wall, source: W2,
      formula: 'U = M_foot/C_main (two-tier: W/C_main)',
      inputs: ['memory.main_tier_bytes', 'hardware.memory_capacity'],
      compute: (mb, c) => {
        const cap = capacity(c);
        return typeof cap === 'number' ? num(mb) / cap : cap;
      },
    }),
    derived({
      id: 'memory.memory_headroom',
      label: 'Memory headroom',
      doc: 'Main-tier capacity left over (negative when the step does not fit).',
      unit: 'B', layer: 'E', wall, source: W2,
      formula: 'C_main − M_foot (two-tier: C_main − W)',
      inputs: ['memory.main_tier_bytes', 'hardware.memory_capacity'],
      compute: (mb, c) => {
        const cap = capacity(c);
        return typeof cap === 'number' ? cap - num(mb) : cap;
      },
    }),
    ...memoryStatusCells(),
  ];
}
