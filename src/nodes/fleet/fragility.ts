/**
 * Wall 15: Fragility — reliability, checkpoint interval, goodput (physics.md §9 "Wall 15",
 * §11.3 row 15, worked example §12.5).
 *
 * Present in training mode or when the scenario has operations (ctx.ops); always active then.
 * The fleet shape comes from the `communication` layer-D cells (system.ts). Component MTTFs
 * are stored in seconds (SI) and displayed in hours.
 */
import { derived, fail, input, number, optNumber, warn, type CellDef } from '../../graph/index.js';
import { alwaysActive, dur, frac, reasons, spec, statusCells, verdict } from '../common/index.js';
import type { BuildContext } from '../context.js';

const S = 'fragility';
const W = 15;
const HOUR = 3600;
const MTTF_SOURCE = { kind: 'estimate', ref: 'physics.md §1.5 MTTF table (mlsysim systems/reliability.py teaching constants; catalogue systems.reliability)' };

/**
 * The large-fleet report the failure rates come from: Llama 3 405B pre-training, 54 days on
 * 16,384 H100 in 2,048 servers of 8 (21,233,664 GPU-hours, 2,654,208 node-hours), 419
 * unexpected interruptions by root cause (Llama Team, "The Llama 3 Herd of Models", the table
 * of root causes of unexpected interruptions). Each default below is a count of that table
 * over the exposure it scales with.
 */
const LLAMA3 = {
  gpuHours: 16_384 * 54 * 24,
  nodeHours: 2_048 * 54 * 24,
  nicHours: 16_384 * 54 * 24, // 8 NICs per server
  /** Faulty GPU 148, GPU HBM3 72, GPU SRAM 19, GPU system processor 17, silent data corruption 6, thermal interface + sensor 6. */
  gpu: 268,
  nic: 7,
  /** Network switch/cable: scales with the servers the job spans. */
  network: 35,
  /** Host maintenance 32, SSD 3, power supply 3, server chassis 2, IO expansion board 2, CPU 2, system memory 2. */
  host: 46,
  /** Software bug 54, NCCL watchdog timeouts 7, dependency 2. */
  software: 63,
};
const REPORT = (what: string): { kind: string; ref: string; url: string } => ({
  kind: 'paper',
  ref: `Llama Team, The Llama 3 Herd of Models (arXiv:2407.21783), root causes of the 419 unexpected interruptions in 54 days on 16,384 H100: ${what}`,
  url: 'https://arxiv.org/abs/2407.21783',
});

/**
 * Power supplies of a node whose catalogue entry lists none: the typical server's two PSUs in
 * 1+1 redundancy (one spare). GPU servers that list theirs have spares too (DGX H100: 4+2), so
 * to first order no single PSU failure stops a node either way.
 */
export const PSUS_TYPICAL = 2;
export const PSU_TYPICAL_SOURCE = {
  kind: 'datasheet',
  ref: 'Oracle Exadata X11M database server service manual, "Power Supply Overview": two hot-pluggable power supplies giving fully redundant "1+1" power; ' +
    'for comparison NVIDIA DGX H100/H200 User Guide, "Power Specifications": six 3.3 kW power supplies in 4+2 redundancy (physics.md §9 wall 15 default: 2)',
};

/** k-of-n power supplies: only when no spare is left does one failure stop the node (first order). */
export function psuFailureRate(psus: number, required: number, mttfPsu: number): number {
  return psus - required >= 1 ? 0 : psus / mttfPsu;
}

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

function mttf(name: string, part: string, hours: number, source: { kind: string; ref: string; url?: string } = MTTF_SOURCE): CellDef {
  return input({
    id: `${S}.mttf_${name}`, label: `MTTF ${part}`, doc: `Mean time to failure of one ${part}.`,
    unit: 's', displayUnit: 'h', layer: 'C', wall: W, default: hours * HOUR, source,
    domain: { kind: 'number', min: 0, minExclusive: true },
  });
}

/** A per-node failure rate (1/s, displayed per hour) of a cause the component list does not hold. */
function nodeRate(name: string, label: string, doc: string, events: number, what: string): CellDef {
  return input({
    id: `${S}.${name}`, label, doc, unit: '1/s', displayUnit: '1/h', layer: 'C', wall: W,
    default: events / LLAMA3.nodeHours / HOUR, source: REPORT(`${what} = ${events} over ${LLAMA3.nodeHours.toLocaleString('en-US')} node-hours`),
    domain: { kind: 'number', min: 0 },
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
    ...(dflt !== null ? { source: spec('§1.5') } : {}),
    domain: { kind: 'number', min: 0, minExclusive, optional: dflt === null },
  });
}

export function fragilityWall(ctx: BuildContext): CellDef[] {
  if (ctx.mode !== 'training' && !ctx.ops) return [];
  const training = ctx.mode === 'training';
  // δ defaults to wall 19's write time in training mode (wall 19 exists there), else to 60 s.
  const deltaSource = training ? 'checkpoint.checkpoint_write_time' : `${S}.default_checkpoint_time`;
  const jobSource = training ? 'complexity.time_to_train' : 'capital.duration';
  const named = ctx.fleet.node?.id ?? ctx.fleet.id;
  const psuWhere = `${named ? `${named} lists no PSU count` : 'no node with a PSU count is named'}: ${PSUS_TYPICAL}`;
  return [
    alwaysActive(S, W, 'in training mode or when the scenario has operations'),
    count('gpus_per_node', 'GPUs per node (reliability)', 'GPUs counted in the node\'s series failure model; unset follows communication.gpus_per_node.', null),
    count('nics_per_node', 'NICs per node (reliability)', 'NICs counted in the node\'s series failure model; unset follows communication.nics_per_node.', null),
    input({
      id: `${S}.psus_per_node`, label: 'PSUs per node',
      doc: 'Power supplies per node: the node\'s catalogue count; unset takes a typical server\'s 2 (1+1), with a warning.',
      unit: 'count', layer: 'C', wall: W, default: ctx.fleet.psus_per_node ?? null,
      ...(ctx.fleet.psus_per_node !== undefined ? { provenance: 'catalogue' as const, ...(ctx.fleet.source ? { source: ctx.fleet.source } : {}) } : {}),
      domain: { kind: 'number', min: 0, integer: true, optional: true },
    }),
    derived({
      id: `${S}.psus_per_node_effective`, label: 'PSUs per node (in use)',
      doc: 'The power supplies per node the failure rate counts: the count set or catalogued, else a typical server\'s 2 in 1+1 redundancy.',
      unit: 'count', layer: 'E', wall: W, source: PSU_TYPICAL_SOURCE, formula: `n_psu = psus_per_node ?? ${PSUS_TYPICAL}`,
      inputs: { set: optNumber(`${S}.psus_per_node`) },
      compute: ({ set }) => set ?? warn(PSUS_TYPICAL, `${psuWhere} PSUs in 1+1 redundancy are assumed, a typical server's ` +
        '(set fragility.psus_per_node), so one may fail without stopping the node'),
    }),
    count('psus_required', 'PSUs required', 'Power supplies the node needs running; the rest are spares (unset: half of them, N+N redundancy).', null),
    count('pcie_switches_per_node', 'PCIe switches per node', 'Optional extra node components: PCIe switches.', 0),
    count('hbm_stacks_per_node', 'HBM stacks per node', 'Optional extra node components: HBM stacks counted separately from the GPUs.', 0),
    count('optical_cables', 'Optical cables (cluster)', 'Cluster-level components: optical cables.', 0),
    count('tor_switches', 'ToR switches (cluster)', 'Cluster-level components: top-of-rack switches.', 0),
    mttf('gpu', 'GPU (die, HBM, SRAM, GSP)', LLAMA3.gpuHours / LLAMA3.gpu,
      REPORT(`GPU causes (faulty GPU 148, HBM3 72, SRAM 19, GPU system processor 17, SDC 6, thermal 6) = ${LLAMA3.gpu} over ${LLAMA3.gpuHours.toLocaleString('en-US')} GPU-hours`)),
    mttf('nic', 'NIC', LLAMA3.nicHours / LLAMA3.nic, REPORT(`NIC 7 over ${LLAMA3.nicHours.toLocaleString('en-US')} NIC-hours (8 per server)`)),
    mttf('psu', 'PSU', 100_000),
    nodeRate('host_failure_rate', 'Host failure rate (per node)', 'Interruptions per node from the host: unplanned maintenance, SSD, power supply, chassis, IO board, CPU, system memory.',
      LLAMA3.host, 'host maintenance 32 + SSD 3 + power supply 3 + chassis 2 + IO expansion 2 + CPU 2 + system memory 2'),
    nodeRate('network_failure_rate', 'Network failure rate (per node)', 'Interruptions per node from network switches and cables.', LLAMA3.network, 'network switch/cable 35'),
    nodeRate('software_failure_rate', 'Software failure rate (per node)', 'Interruptions per node from software: bugs, collective timeouts, dependencies.',
      LLAMA3.software, 'software bug 54 + NCCL watchdog timeouts 7 + dependency 2'),
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
      id: `${S}.node_failure_rate`, label: 'Node failure rate',
      doc: 'Failure rate of one node: its components in series (redundant power supplies only when no spare is left), plus the per-node host, network and software rates.',
      unit: '1/s', displayUnit: '1/h', layer: 'E', wall: W,
      formula: 'λ_n = g/MTTF_gpu + n_nic/MTTF_nic + [n_psu/MTTF_psu if no spare PSU] + extras + λ_host + λ_network + λ_software; 1/override when set',
      inputs: {
        override: optNumber(`${S}.node_mttf_override`),
        gpus: optNumber(`${S}.gpus_per_node`), fleetGpus: number('communication.gpus_per_node'), mttfGpu: number(`${S}.mttf_gpu`),
        nics: optNumber(`${S}.nics_per_node`), fleetNics: number('communication.nics_per_node'), mttfNic: number(`${S}.mttf_nic`),
        psus: number(`${S}.psus_per_node_effective`), psusRequired: optNumber(`${S}.psus_required`), mttfPsu: number(`${S}.mttf_psu`),
        pcieSwitches: number(`${S}.pcie_switches_per_node`), mttfPcieSwitch: number(`${S}.mttf_pcie_switch`),
        hbmStacks: number(`${S}.hbm_stacks_per_node`), mttfHbm: number(`${S}.mttf_hbm`),
        host: number(`${S}.host_failure_rate`), network: number(`${S}.network_failure_rate`), software: number(`${S}.software_failure_rate`),
      },
      compute: (a) => {
        if (a.override !== null) return 1 / a.override;
        const required = a.psusRequired ?? Math.ceil(a.psus / 2);
        if (required > a.psus) return fail('invalid_input', `psus_required (${required}) exceeds psus_per_node (${a.psus})`);
        const rate = (a.gpus ?? a.fleetGpus) / a.mttfGpu + (a.nics ?? a.fleetNics) / a.mttfNic + psuFailureRate(a.psus, required, a.mttfPsu)
          + a.pcieSwitches / a.mttfPcieSwitch + a.hbmStacks / a.mttfHbm + a.host + a.network + a.software;
        if (rate === 0) return fail('invalid_input', 'a node with no components never fails; count at least one component or set node_mttf_override');
        if (a.psusRequired !== null || a.psus === 0) return rate;
        // N+N when unset: said, since it decides whether a PSU is a series failure point.
        return warn(rate, `the node needs ${required} of its ${a.psus} PSUs (N+N assumed; set fragility.psus_required): ` +
          (a.psus > required ? 'with a spare left, one PSU failure does not stop it (PSU term 0)' : 'no spare, so each PSU is a series failure point'));
      },
    }),
    derived({
      id: `${S}.node_mtbf`, label: 'Node MTBF', doc: 'Mean time between failures of one node (wall 15 cell 2).',
      unit: 's', displayUnit: 'h', layer: 'E', wall: W, formula: '1 / λ_n',
      inputs: { rate: number(`${S}.node_failure_rate`) }, compute: ({ rate }) => 1 / rate,
    }),
    derived({
      id: `${S}.cluster_mtbf`, label: 'Cluster MTBF', doc: 'Mean time between failures anywhere in the job\'s cluster (wall 15 cell 3).',
      unit: 's', displayUnit: 'h', layer: 'E', wall: W, formula: 'M = 1 / (N_n · λ_n + Σ_cluster count_j / MTTF_j)',
      inputs: {
        nodes: number('communication.num_nodes'), nodeRate: number(`${S}.node_failure_rate`),
        cables: number(`${S}.optical_cables`), mttfCable: number(`${S}.mttf_optical_cable`),
        torSwitches: number(`${S}.tor_switches`), mttfTor: number(`${S}.mttf_tor_switch`),
      },
      compute: ({ nodes, nodeRate, cables, mttfCable, torSwitches, mttfTor }) =>
        1 / (nodes * nodeRate + cables / mttfCable + torSwitches / mttfTor),
    }),
    derived({
      id: `${S}.checkpoint_time_effective`, label: 'Checkpoint time (in use)', doc: 'The checkpoint time δ the interval and goodput use.',
      unit: 's', layer: 'E', wall: W, formula: training ? 'δ = checkpoint_time ?? checkpoint_write_time (wall 19)' : 'δ = checkpoint_time ?? 60 s',
      inputs: { set: optNumber(`${S}.checkpoint_time`), fallback: number(deltaSource) },
      // Wall 19's write time is a derived figure; outside training δ is §1.5's default, said.
      compute: ({ set, fallback }) => set ?? (training ? fallback
        : warn(fallback, `checkpoint time δ = ${fallback} s assumed (§1.5 default; wall 19 runs in training only): set fragility.checkpoint_time`)),
    }),
    derived({
      id: `${S}.checkpoint_interval_young`, label: 'Young interval', doc: 'Young\'s first-order optimal checkpoint interval (wall 15 cell 4).',
      unit: 's', layer: 'E', wall: W, formula: 'τ_Y = √(2 δ M)',
      inputs: { delta: number(`${S}.checkpoint_time_effective`), mtbf: number(`${S}.cluster_mtbf`) },
      compute: ({ delta, mtbf }) => youngInterval(delta, mtbf),
    }),
    derived({
      id: `${S}.checkpoint_interval_daly`, label: 'Daly interval', doc: 'Daly\'s higher-order optimal checkpoint interval (wall 15 cell 5).',
      unit: 's', layer: 'E', wall: W, formula: 'τ_D = √(2δM)·[1 + ⅓√(δ/2M) + (δ/2M)/9] − δ (δ < 2M), else M',
      inputs: { delta: number(`${S}.checkpoint_time_effective`), mtbf: number(`${S}.cluster_mtbf`) },
      compute: ({ delta, mtbf }) => dalyInterval(delta, mtbf),
    }),
    derived({
      id: `${S}.checkpoint_interval`, label: 'Checkpoint interval', doc: 'The interval in use: the one set, else Daly\'s (wall 15 cell 6).',
      unit: 's', layer: 'E', wall: W, formula: 'τ = τ_user ?? τ_D',
      inputs: { set: optNumber(`${S}.checkpoint_interval_user`), daly: number(`${S}.checkpoint_interval_daly`) },
      compute: ({ set, daly }) => set ?? daly,
    }),
    derived({
      id: `${S}.goodput`, label: 'Goodput', doc: 'Expected useful fraction of wall time, with checkpoint cost, lost rework and restarts (wall 15 cell 7).',
      unit: '1', layer: 'E', wall: W, formula: 'Γ = τ / (M · e^{R/M} · (e^{(τ+δ)/M} − 1))',
      inputs: {
        tau: number(`${S}.checkpoint_interval`), delta: number(`${S}.checkpoint_time_effective`),
        restart: number(`${S}.restart_time`), mtbf: number(`${S}.cluster_mtbf`),
      },
      compute: ({ tau, delta, restart, mtbf }) => goodputExact(tau, delta, restart, mtbf),
    }),
    derived({
      id: `${S}.goodput_first_order`, label: 'Goodput (first order)', doc: 'First-order approximation of the goodput, for comparison (wall 15 cell 7).',
      unit: '1', layer: 'E', wall: W, formula: '1 − δ/τ − (τ/2 + R)/M',
      inputs: {
        tau: number(`${S}.checkpoint_interval`), delta: number(`${S}.checkpoint_time_effective`),
        restart: number(`${S}.restart_time`), mtbf: number(`${S}.cluster_mtbf`),
      },
      compute: ({ tau, delta, restart, mtbf }) => 1 - delta / tau - (tau / 2 + restart) / mtbf,
    }),
    derived({
      id: `${S}.job_duration_effective`, label: 'Job duration (in use)', doc: 'The job length T_job the failure counts use.',
      unit: 's', displayUnit: 'days', layer: 'E', wall: W, formula: `T_job = job_duration ?? ${jobSource}`,
      inputs: { set: optNumber(`${S}.job_duration`), fallback: optNumber(jobSource) },
      compute: ({ set, fallback }) => {
        const v = set ?? fallback;
        return v === null ? fail('missing_data', `job duration unknown; set ${S}.job_duration or give ${jobSource}`) : v;
      },
    }),
    derived({
      id: `${S}.interruptions_per_day`, label: 'Interruptions per day', doc: 'Expected unexpected interruptions of the job per day of wall time.',
      unit: '1', layer: 'E', wall: W, formula: '86 400 s / M',
      inputs: { mtbf: number(`${S}.cluster_mtbf`), day: number(`${S}.seconds_per_day`) }, compute: ({ mtbf, day }) => day / mtbf,
    }),
    input({
      id: `${S}.seconds_per_day`, label: 'Seconds per day', doc: 'One day (physics.md §1.1).',
      unit: 's', layer: 'E', wall: W, default: 86_400, source: spec('§1.1'), domain: { kind: 'number', min: 0, minExclusive: true },
    }),
    derived({
      id: `${S}.expected_failures`, label: 'Expected failures', doc: 'Expected failures during the job (wall 15 cell 8).',
      unit: 'failures', layer: 'E', wall: W, formula: 'T_job / M',
      inputs: { job: number(`${S}.job_duration_effective`), mtbf: number(`${S}.cluster_mtbf`) }, compute: ({ job, mtbf }) => job / mtbf,
    }),
    derived({
      id: `${S}.failure_probability`, label: 'Failure probability', doc: 'Probability of at least one failure during the job (wall 15 cell 8).',
      unit: '1', layer: 'E', wall: W, formula: '1 − e^{−T_job/M}',
      inputs: { job: number(`${S}.job_duration_effective`), mtbf: number(`${S}.cluster_mtbf`) },
      compute: ({ job, mtbf }) => -Math.expm1(-job / mtbf),
    }),
    ...statusCells({
      scope: S, wall: W, formula: 'FAIL if Γ < 0.5 or δ ≥ M; WARN if Γ < 0.90',
      inputs: { goodput: number(`${S}.goodput`), delta: number(`${S}.checkpoint_time_effective`), mtbf: number(`${S}.cluster_mtbf`) },
      judge: ({ goodput, delta, mtbf }) =>
        verdict(
          reasons([goodput < 0.5 && `goodput ${frac(goodput)} is below 0.5`,
            delta >= mtbf && `checkpoint time ${dur(delta)} is not shorter than the cluster MTBF ${dur(mtbf)}`]),
          reasons([goodput < 0.9 && `goodput ${frac(goodput)} is below 0.90`]),
        ),
    }),
  ];
}
