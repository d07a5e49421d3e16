/**
 * Wall 15: Fragility — reliability, checkpoint interval, goodput (physics.md §9 "Wall 15",
 * §11.3 row 15, worked example §12.5).
 *
 * Present in training mode or when the scenario has operations (ctx.ops); always active then.
 * The fleet shape comes from the `communication` layer-D cells (system.ts). Component MTTFs
 * are stored in seconds (SI) and displayed in hours.
 */
import { derived, fail, input, type CellDef } from '../../graph/index.js';
import type { BuildContext } from '../context.js';
import { alwaysActive, dur, frac, num, optNum, reasons, specSource, statusCells, verdict } from './common.js';

const S = 'fragility';
const W = 15;
const HOUR = 3600;
const MTTF_SOURCE = { kind: 'estimate', ref: 'physics.md §1.5 MTTF table (mlsysim systems/reliability.py teaching constants; catalogue systems.reliability)' };

/** τ_Y = √(2δM) (Young 1974). */
export const youngInterval = (delta: number, mtbf: number): number => Math.sqrt(2 * delta * mtbf);

/** Daly's (2006) higher-order optimum: √(2δM)·[1 + ⅓√(δ/2M) + (δ/2M)/9] − δ for δ < 2M, else M. */
export function dalyInterval(delta: number, mtbf: number): number {
  if (delta >= 2 * mtbf) return mtbf;
  const x = delta / (2 * mtbf);
  return Math.sqrt(2 * delta * mtbf) * (1 + Math.sqrt(x) / 3 + x / 9) - delta;
}

/** Exact expected useful fraction for exponential failures: τ/(M·e^{R/M}·(e^{(τ+δ)/M} − 1)) (Daly 2006). */
export const goodputExact = (tau: number, delta: number, restart: number, mtbf: number): number =>
  tau / (mtbf * Math.exp(restart / mtbf) * Math.expm1((tau + delta) / mtbf));

function mttf(name: string, part: string, hours: number): CellDef {
  return input({
    id: `${S}.mttf_${name}`, label: `MTTF ${part}`, doc: `Mean time to failure of one ${part} (§1.5).`,
    unit: 's', displayUnit: 'h', layer: 'C', wall: W, default: hours * HOUR, source: MTTF_SOURCE,
    domain: { kind: 'number', min: 0, minExclusive: true },
  });
}

function count(name: string, label: string, doc: string, dflt: number | null): CellDef {
  return input({
    id: `${S}.${name}`, label, doc, unit: 'count', layer: 'C', wall: W, default: dflt,
    domain: { kind: 'number', min: 0, integer: true, optional: dflt === null },
  });
}

function seconds(name: string, label: string, doc: string, dflt: number | null, display = 's', minExclusive = true): CellDef {
  return input({
    id: `${S}.${name}`, label, doc, unit: 's', displayUnit: display, layer: 'E', wall: W, default: dflt,
    ...(dflt !== null ? { source: specSource('§1.5') } : {}),
    domain: { kind: 'number', min: 0, minExclusive, optional: dflt === null },
  });
}

export function fragilityWall(ctx: BuildContext): CellDef[] {
  if (ctx.mode !== 'training' && !ctx.ops) return [];
  const training = ctx.mode === 'training';
  // δ defaults to wall 19's write time in training mode (wall 19 exists there), else to 60 s.
  const deltaSource = training ? 'checkpoint.checkpoint_write_time' : `${S}.default_checkpoint_time`;
  const jobSource = training ? 'complexity.time_to_train' : 'capital.duration';
  return [
    alwaysActive(S, W, 'in training mode or when the scenario has operations'),
    count('gpus_per_node', 'GPUs per node (reliability)', 'GPUs counted in the node\'s series failure model; unset follows communication.gpus_per_node.', null),
    count('nics_per_node', 'NICs per node (reliability)', 'NICs counted in the node\'s series failure model; unset follows communication.nics_per_node.', null),
    count('psus_per_node', 'PSUs per node', 'Power supplies per node (default 2, §9 wall 15).', ctx.fleet.psus_per_node ?? 2),
    count('pcie_switches_per_node', 'PCIe switches per node', 'Optional extra node components: PCIe switches.', 0),
    count('hbm_stacks_per_node', 'HBM stacks per node', 'Optional extra node components: HBM stacks counted separately from the GPUs.', 0),
    count('optical_cables', 'Optical cables (cluster)', 'Cluster-level components: optical cables.', 0),
    count('tor_switches', 'ToR switches (cluster)', 'Cluster-level components: top-of-rack switches.', 0),
    mttf('gpu', 'GPU', 50_000), mttf('nic', 'NIC', 150_000), mttf('psu', 'PSU', 100_000),
    mttf('pcie_switch', 'PCIe switch', 200_000), mttf('hbm', 'HBM stack', 200_000),
    mttf('optical_cable', 'optical cable', 50_000), mttf('tor_switch', 'ToR switch', 300_000),
    seconds('node_mttf_override', 'Node MTTF override', 'Replaces the component sum with one node MTTF.', null, 'h'),
    seconds('checkpoint_time', 'Checkpoint time', 'Blocking time of one checkpoint, δ; unset takes wall 19\'s write time (training) or 60 s.', null),
    // Wall 19 exists in training mode; elsewhere δ falls back to the §1.5 default.
    ...(training ? [] : [seconds('default_checkpoint_time', 'Default checkpoint time', 'δ used when wall 19 is inactive (§1.5).', 60)]),
    seconds('restart_time', 'Restart time', 'Time to restart after a failure, R (§1.5).', 300, 's', false),
    seconds('checkpoint_interval_user', 'Checkpoint interval (set)', 'A chosen checkpoint interval τ_user; unset uses Daly\'s optimum.', null),
    seconds('job_duration', 'Job duration', `Length of the job, T_job; unset takes ${jobSource}.`, null, 'days'),
    derived({
      id: `${S}.node_failure_rate`, label: 'Node failure rate', doc: 'Failure rate of one node as a series system of its components (wall 15 cell 1).',
      unit: '1/s', displayUnit: '1/h', layer: 'E', wall: W,
      formula: 'λ_n = Σ count_i / MTTF_i (g, n_nic, n_psu, extras); 1/override when set',
      inputs: [`${S}.node_mttf_override`, `${S}.gpus_per_node`, 'communication.gpus_per_node', `${S}.mttf_gpu`,
        `${S}.nics_per_node`, 'communication.nics_per_node', `${S}.mttf_nic`, `${S}.psus_per_node`, `${S}.mttf_psu`,
        `${S}.pcie_switches_per_node`, `${S}.mttf_pcie_switch`, `${S}.hbm_stacks_per_node`, `${S}.mttf_hbm`],
      compute: (ovr, g, gFleet, mg, nic, nicFleet, mn, psu, mp, pcie, mpcie, hbm, mhbm) => {
        const override = optNum(ovr);
        if (override !== null) return 1 / override;
        const gpus = optNum(g) ?? num(gFleet);
        const nics = optNum(nic) ?? num(nicFleet);
        const rate = gpus / num(mg) + nics / num(mn) + num(psu) / num(mp) + num(pcie) / num(mpcie) + num(hbm) / num(mhbm);
        if (rate === 0) return fail('invalid_input', 'a node with no components never fails; count at least one component or set node_mttf_override');
        return rate;
      },
    }),
    derived({
      id: `${S}.node_mtbf`, label: 'Node MTBF', doc: 'Mean time between failures of one node (wall 15 cell 2).',
      unit: 's', displayUnit: 'h', layer: 'E', wall: W, formula: '1 / λ_n',
      inputs: [`${S}.node_failure_rate`], compute: (r) => 1 / num(r),
    }),
    derived({
      id: `${S}.cluster_mtbf`, label: 'Cluster MTBF', doc: 'Mean time between failures anywhere in the job\'s cluster (wall 15 cell 3).',
      unit: 's', displayUnit: 'h', layer: 'E', wall: W, formula: 'M = 1 / (N_n · λ_n + Σ_cluster count_j / MTTF_j)',
      inputs: ['communication.num_nodes', `${S}.node_failure_rate`, `${S}.optical_cables`, `${S}.mttf_optical_cable`, `${S}.tor_switches`, `${S}.mttf_tor_switch`],
      compute: (n, r, cab, mcab, tor, mtor) => 1 / (num(n) * num(r) + num(cab) / num(mcab) + num(tor) / num(mtor)),
    }),
    derived({
      id: `${S}.checkpoint_time_effective`, label: 'Checkpoint time (in use)', doc: 'The checkpoint time δ the interval and goodput use.',
      unit: 's', layer: 'E', wall: W, formula: training ? 'δ = checkpoint_time ?? checkpoint_write_time (wall 19)' : 'δ = checkpoint_time ?? 60 s',
      inputs: [`${S}.checkpoint_time`, deltaSource], compute: (set, dflt) => optNum(set) ?? num(dflt),
    }),
    derived({
      id: `${S}.checkpoint_interval_young`, label: 'Young interval', doc: 'Young\'s first-order optimal checkpoint interval (wall 15 cell 4).',
      unit: 's', layer: 'E', wall: W, formula: 'τ_Y = √(2 δ M)',
      inputs: [`${S}.checkpoint_time_effective`, `${S}.cluster_mtbf`], compute: (d, m) => youngInterval(num(d), num(m)),
    }),
    derived({
      id: `${S}.checkpoint_interval_daly`, label: 'Daly interval', doc: 'Daly\'s higher-order optimal checkpoint interval (wall 15 cell 5).',
      unit: 's', layer: 'E', wall: W, formula: 'τ_D = √(2δM)·[1 + ⅓√(δ/2M) + (δ/2M)/9] − δ (δ < 2M), else M',
      inputs: [`${S}.checkpoint_time_effective`, `${S}.cluster_mtbf`], compute: (d, m) => dalyInterval(num(d), num(m)),
    }),
    derived({
      id: `${S}.checkpoint_interval`, label: 'Checkpoint interval', doc: 'The interval in use: the one set, else Daly\'s (wall 15 cell 6).',
      unit: 's', layer: 'E', wall: W, formula: 'τ = τ_user ?? τ_D',
      inputs: [`${S}.checkpoint_interval_user`, `${S}.checkpoint_interval_daly`], compute: (u, d) => optNum(u) ?? num(d),
    }),
    derived({
      id: `${S}.goodput`, label: 'Goodput', doc: 'Expected useful fraction of wall time, with checkpoint cost, lost rework and restarts (wall 15 cell 7).',
      unit: '1', layer: 'E', wall: W, formula: 'Γ = τ / (M · e^{R/M} · (e^{(τ+δ)/M} − 1))',
      inputs: [`${S}.checkpoint_interval`, `${S}.checkpoint_time_effective`, `${S}.restart_time`, `${S}.cluster_mtbf`],
      compute: (t, d, r, m) => goodputExact(num(t), num(d), num(r), num(m)),
    }),
    derived({
      id: `${S}.goodput_first_order`, label: 'Goodput (first order)', doc: 'First-order approximation of the goodput, for comparison (wall 15 cell 7).',
      unit: '1', layer: 'E', wall: W, formula: '1 − δ/τ − (τ/2 + R)/M',
      inputs: [`${S}.checkpoint_interval`, `${S}.checkpoint_time_effective`, `${S}.restart_time`, `${S}.cluster_mtbf`],
      compute: (t, d, r, m) => 1 - num(d) / num(t) - (num(t) / 2 + num(r)) / num(m),
    }),
    derived({
      id: `${S}.job_duration_effective`, label: 'Job duration (in use)', doc: 'The job length T_job the failure counts use.',
      unit: 's', displayUnit: 'days', layer: 'E', wall: W, formula: `T_job = job_duration ?? ${jobSource}`,
      inputs: [`${S}.job_duration`, jobSource],
      compute: (set, dflt) => {
        const v = optNum(set) ?? optNum(dflt);
        return v === null ? fail('missing_data', `job duration unknown; set ${S}.job_duration or give ${jobSource}`) : v;
      },
    }),
    derived({
      id: `${S}.expected_failures`, label: 'Expected failures', doc: 'Expected failures during the job (wall 15 cell 8).',
      unit: 'failures', layer: 'E', wall: W, formula: 'T_job / M',
      inputs: [`${S}.job_duration_effective`, `${S}.cluster_mtbf`], compute: (t, m) => num(t) / num(m),
    }),
    derived({
      id: `${S}.failure_probability`, label: 'Failure probability', doc: 'Probability of at least one failure during the job (wall 15 cell 8).',
      unit: '1', layer: 'E', wall: W, formula: '1 − e^{−T_job/M}',
      inputs: [`${S}.job_duration_effective`, `${S}.cluster_mtbf`], compute: (t, m) => -Math.expm1(-num(t) / num(m)),
    }),
    ...statusCells({
      scope: S, wall: W, formula: 'FAIL if Γ < 0.5 or δ ≥ M; WARN if Γ < 0.90',
      inputs: [`${S}.goodput`, `${S}.checkpoint_time_effective`, `${S}.cluster_mtbf`],
      judge: (g, d, m) =>
        verdict(
          reasons([num(g) < 0.5 && `goodput ${frac(num(g))} is below 0.5`,
            num(d) >= num(m) && `checkpoint time ${dur(num(d))} is not shorter than the cluster MTBF ${dur(num(m))}`]),
          reasons([num(g) < 0.9 && `goodput ${frac(num(g))} is below 0.90`]),
        ),
    }),
  ];
}
