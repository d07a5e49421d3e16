/**
 * Which link a wall-14 collective runs on (physics.md §8.2 cell 8, §8.4): the scale-up link
 * inside a node (β_nv, α_nv, never congested) or the fabric across nodes (β_net, α_f, with
 * the congestion factor κ_c on the time). A missing figure is a `missing_data` failure that
 * names what needed it; a trivial group of one rank needs no link at all.
 */
import { type ArgsOf, fail, type Failure, number, optNumber } from '../../graph/index.js';

export interface Link {
  readonly beta: number;
  readonly alpha: number;
  /** Multiplies the collective's time: κ_c across the fabric, 1 inside a node. */
  readonly congestion: number;
}

/** The raw link figures every collective cell reads (spread last into its inputs). */
export const linkInputs = {
  betaNv: optNumber('hardware.scaleup_bandwidth'),
  alphaNv: number('hardware.scaleup_latency'),
  betaNet: optNumber('communication.net_bandwidth_per_gpu'),
  alphaNet: number('communication.fabric_latency'),
  congestion: number('communication.congestion_factor'),
} as const;

export interface LinkFigures {
  readonly betaNv: number | null;
  readonly alphaNv: number;
  readonly betaNet: number | null;
  readonly alphaNet: number;
  readonly congestion: number;
}

/** The link figures out of a cell's arguments (which hold `linkInputs` among others). */
export function linkFigures({ betaNv, alphaNv, betaNet, alphaNet, congestion }: ArgsOf<typeof linkInputs>): LinkFigures {
  return { betaNv, alphaNv, betaNet, alphaNet, congestion };
}

/** The scale-up link, or a failure saying that `what` needs it. */
export function scaleUpLink(f: LinkFigures, what: string): Link | Failure {
  if (f.betaNv === null) return fail('missing_data', `no scale-up link bandwidth (hardware.scaleup_bandwidth); ${what} inside a node needs it`);
  return { beta: f.betaNv, alpha: f.alphaNv, congestion: 1 };
}

/** The fabric link per GPU, or a failure saying that `what` needs it. */
export function fabricLink(f: LinkFigures, what: string, beta: number | null = f.betaNet): Link | Failure {
  if (beta === null) return fail('missing_data', `no fabric bandwidth (communication.fabric_bandwidth); ${what} across nodes needs it`);
  return { beta, alpha: f.alphaNet, congestion: f.congestion };
}

/** Scale-up when `intra`, else the fabric. */
export function pickLink(f: LinkFigures, intra: boolean, what: string): Link | Failure {
  return intra ? scaleUpLink(f, what) : fabricLink(f, what);
}
