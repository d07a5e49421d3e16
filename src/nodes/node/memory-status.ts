/**
 * Wall 2 status (physics.md §4 wall 2, §11.3 row 2). The capacity verdict must stand even when
 * the step's latency is an error (a microcontroller without an fp16 peak still runs out of
 * flash), so the latency and bottleneck reach the judge through two cells that turn an error
 * into "unknown" (null). Errors in the memory cells themselves still block the status.
 */
import { type CellDef, choice, derived, type InputRef, number, optFlag, optNumber, optText } from '../../graph/index.js';
import { spec } from '../common/catalogue-input.js';
import { alwaysActive, nearTarget, statusCells, verdict, type Verdict } from '../common/status.js';
import { MEMORY_REGIMES } from './memory-tiers.js';

const wall = 2;
/** Reasons quote ratios, never dimensional numbers, so they do not depend on the unit system. */
const fmt = (x: number): string => String(Number(x.toPrecision(4)));

/** The wall 2 rules as a pure function of plain values. */
export function judgeMemory(x: {
  regime: string;
  arenaFits: boolean | null;
  utilization: number;
  sramUtilization: number | null;
  warnUtilization: number;
  targetLatency: number | null;
  targetMargin: number;
  latency: number | null;
  bottleneck: string | null;
  /** The device's host link bandwidth; null when it lists none (then it cannot offload). */
  hostLink?: number | null;
}): Verdict {
  const fails: string[] = [];
  const warns: string[] = [];
  const spill = x.hostLink === null ? 'no host link to offload over (offload not available)' : 'offloading over the host link';
  if (x.regime === 'offload') fails.push(`footprint exceeds memory capacity (U = ${fmt(x.utilization)}); ${spill}`);
  if (x.arenaFits === false) fails.push('activation arena exceeds SRAM');
  if (x.utilization > x.warnUtilization && x.regime !== 'offload') warns.push(`memory utilisation ${fmt(x.utilization)} > ${x.warnUtilization}`);
  if (x.sramUtilization !== null && x.sramUtilization > x.warnUtilization && x.arenaFits !== false) {
    warns.push(`SRAM utilisation ${fmt(x.sramUtilization)} > ${x.warnUtilization}`);
  }
  if (x.targetLatency !== null) {
    const memoryBound = x.bottleneck === 'Memory' || x.bottleneck === 'Host link';
    if (x.latency === null) warns.push('latency unknown (its cell is an error); latency target not checked');
    else if (x.latency > x.targetLatency && memoryBound) {
      fails.push(`latency is ${fmt(x.latency / x.targetLatency)}× the target (${x.bottleneck}-bound)`);
    } else if (nearTarget(x.latency, x.targetLatency, x.targetMargin) && x.bottleneck === 'Memory') {
      warns.push(`latency is ${fmt(x.latency / x.targetLatency)}× the target, within the ${x.targetMargin} margin (Memory-bound)`);
    }
  }
  return verdict(fails, warns);
}

export function memoryStatusCells(): CellDef[] {
  // The cell tolerates errors, so its input is an `opt…` kind: an error arrives as null.
  const known = (id: string, from: InputRef<number | null> | InputRef<string | null>, unit: string, label: string): CellDef =>
    derived({
      id,
      label,
      doc: `${from.id}, or unset when that cell is an error (so wall 2's capacity verdict never depends on it).`,
      unit,
      layer: 'E',
      wall,
      formula: `${from.id} if it has a value, else unset`,
      inputs: { value: from },
      tolerateErrors: true,
      compute: ({ value }) => value,
      source: spec('§11.1'),
    });
  return [
    known('memory.latency_if_known', optNumber('compute.latency'), 's', 'Step latency (if known)'),
    known('memory.bottleneck_if_known', optText('compute.bottleneck'), 'enum', 'Bottleneck (if known)'),
    alwaysActive('memory', wall),
    ...statusCells({
      scope: 'memory',
      wall,
      formula: 'FAIL if offload, arena exceeds SRAM, or latency > target and Memory/Host-link bound; WARN if U > 0.90, SRAM use > 0.90, or latency ≥ 90 % of target and Memory-bound',
      inputs: {
        regime: choice('memory.memory_regime', MEMORY_REGIMES), arenaFits: optFlag('memory.arena_fits'),
        utilization: number('memory.memory_utilization'), sramUtilization: optNumber('memory.sram_utilization'),
        warnUtilization: number('scenario.memory_warn_utilization'), targetLatency: optNumber('scenario.target_latency'),
        targetMargin: number('scenario.target_margin'), latency: optNumber('memory.latency_if_known'),
        bottleneck: optText('memory.bottleneck_if_known'), hostLink: optNumber('hardware.host_link_bandwidth'),
      },
      judge: judgeMemory,
    }),
  ];
}
