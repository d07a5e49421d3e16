/**
 * The test graph of a model split over devices (src/nodes/parallel), with the §12 calibration the
 * hand derivations assume pinned (η 0.5, η_bw 1, 10 µs layer tax), and the §3.2 ring all-reduce
 * they compute by hand.
 */
import type { LiveGraph, Plain } from '../../src/graph/index.js';
import { buildScenarioDefs } from '../../src/nodes/all-walls.js';
import type { DeviceSpec, FleetSpec, Mode, ModelSpec } from '../../src/nodes/context.js';
import { graphWith } from '../helpers/graph-values.js';
import { context } from './fixtures.js';

export { numberOf as num, valueOf as value } from '../helpers/graph-values.js';

/** The §12 calibration the hand derivations assume, pinned. */
export const PINNED = { 'scenario.efficiency': 0.5, 'scenario.bandwidth_efficiency': 1, 'scenario.layer_tax': 10e-6 };

/** A graph of `model` on `fleet` × `device` in `mode`, with PINNED and then `values` set. */
export function splitGraph(mode: Mode, model: ModelSpec, device: DeviceSpec, fleet: FleetSpec, values: Readonly<Record<string, Plain>> = {}): LiveGraph {
  return graphWith(buildScenarioDefs(context(mode, model, device, fleet)), { ...PINNED, ...values });
}

/** Ring all-reduce of M bytes over t ranks (physics.md §3.2): 2(t−1)/t·M/β + 2(t−1)·α. */
export const ring = (m: number, t: number, beta: number, alpha: number): number => (2 * (t - 1) / t) * (m / beta) + 2 * (t - 1) * alpha;
