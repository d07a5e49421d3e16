/**
 * The defaults of the first build that the physics.md §12 worked examples assume, as cell
 * values a test pins explicitly (issue 19, "Fidelity", replaced them by sourced defaults; the
 * examples test the formulas, not the defaults — physics.md Amendments, "§12 worked examples").
 */
import type { Plain } from '../../src/graph/index.js';

const HOUR = 3600;

/** η = 0.5, η_bw = 1 and the power model TDP·(0.3 + 0.7·MFU). */
export const FIRST_BUILD_DEFAULTS: Readonly<Record<string, Plain>> = {
  'scenario.efficiency': 0.5,
  'scenario.bandwidth_efficiency': 1,
  'scenario.power_model': 'mfu_linear',
};

/** §12.5's reliability: MTTF GPU 50 000 h, NIC 150 000 h, PSU 100 000 h, PSUs in series, no host/network/software term. */
export const FIRST_BUILD_RELIABILITY: Readonly<Record<string, Plain>> = {
  'fragility.mttf_gpu': 50_000 * HOUR,
  'fragility.mttf_nic': 150_000 * HOUR,
  'fragility.mttf_psu': 100_000 * HOUR,
  'fragility.psus_required': 2,
  'fragility.host_failure_rate': 0,
  'fragility.network_failure_rate': 0,
  'fragility.software_failure_rate': 0,
};
