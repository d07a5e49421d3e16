import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeMemory } from '../../../src/nodes/node/memory-status.js';
import { effectiveBandwidth, memoryRegime, tierTime } from '../../../src/nodes/node/memory-tiers.js';
import { expectClose, goldenCase } from '../../helpers/golden.js';
import { ESP32_S3, H100, LLAMA3_70B, LLAMA3_8B, RESNET50_CATALOGUE } from '../fixtures.js';
import { checkExpectedCells, checkWallStatuses, foundationGraph, goldenGraph, value } from './scenario-graph.js';

describe('wall 2 offload (§12.1: Llama-3-70B, fp16, B = 1, x = 2048 on one H100)', () => {
  it('spec-12.1-offload-70b: footprint, spill, host-link memory time, Host link bottleneck, FAIL', () => {
    const c = goldenCase('spec-12.1-offload-70b');
    const g = goldenGraph(c);
    const skipped = checkExpectedCells(g, c);
    expect(skipped.every((k) => /^(f_|p_|exit_code)/.test(k)), skipped.join(', ')).toBe(true);
    checkWallStatuses(g, c);
    expectClose((value(g, 'compute.latency') as number) * 1e3, c.expected.p_latency, c.tolerance_rel, 'p_latency');
    // T_m by hand: (Q − s)/3.35e12 + s/64e9 with Q = 1.4120e11 + 2048·327 680 = 141 871 088 640 B,
    // s = 141 871 350 784 − 8e10 = 61 871 350 784 B.
    const q = 141_200_000_000 + 2048 * 327_680;
    const s = 61_871_350_784;
    expectClose(value(g, 'compute.t_memory'), (q - s) / 3.35e12 + s / 64e9, 1e-12, 'T_m');
    expect(value(g, 'memory.host_bytes')).toBe(s);
    expect(value(g, 'memory.memory_headroom')).toBe(80e9 - 141_871_350_784);
  });

  it('a device without a host link cannot offload: the step is not timed (never faster than its memory), said; a resident step is unchanged', () => {
    const g = foundationGraph('inference', LLAMA3_70B, { ...H100, host_link_bandwidth: undefined });
    const bw = g.get('memory.effective_bandwidth');
    expect(bw.ok ? 'ok' : bw.error.kind).toBe('no_solution');
    expect(bw.ok ? '' : bw.error.message).toMatch(/^offload not available: H100 lists no host link bandwidth/);
    expect(value(g, 'memory.status')).toBe('FAIL');
    expect(value(g, 'memory.status_reason')).toMatch(/no host link to offload over \(offload not available\)/);
    // A resident step never reads the host link: BW_eff = BW_main = 3.35 TB/s (H100 SXM datasheet), no warning.
    const resident = foundationGraph('inference', LLAMA3_8B, { ...H100, host_link_bandwidth: undefined }).get('memory.effective_bandwidth');
    expect(resident.ok && resident.value).toBe(3.35e12);
    expect(resident.ok && resident.warnings).toEqual([]);
  });
});

describe('wall 2 on a two-tier microcontroller (flash + SRAM)', () => {
  it('ref.oom_gpt4_on_esp32: the weights alone overflow the 4 MB flash; feasibility stands although compute is unsupported', () => {
    const c = goldenCase('ref.oom_gpt4_on_esp32');
    const g = goldenGraph(c);
    const skipped = checkExpectedCells(g, c);
    expect(skipped.every((k) => /^(f_|p_|exit_code)/.test(k)), skipped.join(', ')).toBe(true);
    expect(value(g, 'memory.status')).toBe('FAIL');
    const kvHeads = g.get('workload.kv_heads_effective');
    expect(kvHeads.ok && kvHeads.warnings).toEqual(['kv_heads not given; assuming multi-head attention']);
    expect(value(g, 'workload.kv_bytes_per_token')).toBe(7_864_320); // 120·128·(128+128)·2
    const peak = g.get('hardware.peak_flops');
    expect(peak.ok ? 'ok' : peak.error.kind).toBe('unsupported');
    // U uses W on a two-tier device: 3.52e12/4e6 = 880 000.
    expect(value(g, 'memory.memory_utilization')).toBe(880_000);
  });

  it('a model that fits the SRAM runs on_chip at SRAM bandwidth', () => {
    // A 100 kB int8 model: W = 1e5 B; with κ_act unknown for non-LMs the footprint is W.
    const tiny = { ...RESNET50_CATALOGUE, id: 'Tiny', params: 1e5, layers: 10, flops_per_sample: 2e6 };
    const g = foundationGraph('inference', tiny, ESP32_S3, { 'scenario.precision': 'int8' });
    expect(value(g, 'memory.memory_regime')).toBe('on_chip');
    expect(value(g, 'memory.effective_bandwidth')).toBe(9.6e8);
    expect(value(g, 'memory.feasible')).toBe(true);
  });

  it('a model in flash with an arena in SRAM is resident; both streams add to T_m', () => {
    // W = 2e6 B int8 (fits 4e6 B of flash); the arena is B·activation_peak = 3e5 B (fits 512 kB SRAM).
    const model = { ...RESNET50_CATALOGUE, id: 'Small', params: 2e6, layers: 20, flops_per_sample: 4e7, activation_peak_per_sample: 3e5, activation_traffic_per_sample: 6e5 };
    const g = foundationGraph('inference', model, ESP32_S3, { 'scenario.precision': 'int8' });
    expect(value(g, 'memory.memory_regime')).toBe('resident');
    expect(value(g, 'memory.two_tier')).toBe(true);
    expect(value(g, 'memory.arena_bytes')).toBe(3e5);
    expect(value(g, 'memory.arena_fits')).toBe(true);
    expectClose(value(g, 'memory.sram_utilization'), 3e5 / 512e3, 1e-12);
    expect(value(g, 'memory.memory_utilization')).toBe(0.5); // W/C_main = 2e6/4e6
    // T_m = W_t/8e7 + (Q − W_t)/9.6e8 = 2e6/8e7 + 6e5/9.6e8 = 0.025 + 0.000625 s.
    expectClose(value(g, 'compute.t_memory'), 0.025625, 1e-12, 'T_m');
    // An arena of 6e5 B does not fit 512 kB: FAIL "activation arena exceeds SRAM".
    g.set('workload.activation_peak_per_sample', 6e5);
    expect(value(g, 'memory.feasible')).toBe(false);
    expect(value(g, 'memory.status_reason')).toBe('activation arena exceeds SRAM');
  });
});

describe('wall 2 regime and feasibility', () => {
  it('feasibility flips exactly at the capacity', () => {
    const g = foundationGraph('inference');
    // Footprint at B = 1: 16 328 566 528 B (§12.1). Capacity equal → resident; one byte less → offload.
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (delta) => {
        g.set('hardware.memory_capacity', 16_328_566_528 + delta);
        return value(g, 'memory.feasible') === delta >= 0 && value(g, 'memory.memory_regime') === (delta >= 0 ? 'resident' : 'offload');
      }),
    );
  });

  it('memoryRegime: SRAM first, then the main tier', () => {
    expect(memoryRegime(10, 10, 100, 20, 1)).toBe('on_chip');
    expect(memoryRegime(30, 30, 100, 20, 1)).toBe('resident');
    expect(memoryRegime(30, 30, 100, 20, null)).toBe('resident');
    expect(memoryRegime(300, 300, 100, null, null)).toBe('offload');
  });

  it('effective bandwidth reproduces the tier time: Q/(BW_eff) = tier time', () => {
    const split = { regime: 'offload' as const, twoTier: false, traffic: 100, weightTouched: 90, hostBytes: 30 };
    const bw = { main: 10, sram: null, host: 2 };
    expect(tierTime(split, bw)).toBe(70 / 10 + 30 / 2);
    expectClose(100 / effectiveBandwidth(split, bw), 22, 1e-12);
  });

  it('status: FAIL past a latency target when Memory- or Host-link-bound, WARN above 90 % utilisation or near the target', () => {
    const base = { regime: 'resident', arenaFits: null, utilization: 0.5, sramUtilization: null, warnUtilization: 0.9, targetLatency: null, targetMargin: 0.9, latency: 1, bottleneck: 'Memory' };
    expect(judgeMemory(base)).toEqual({ status: 'PASS', reason: '' });
    expect(judgeMemory({ ...base, utilization: 0.95 }).status).toBe('WARN');
    expect(judgeMemory({ ...base, targetLatency: 0.5 }).status).toBe('FAIL');
    expect(judgeMemory({ ...base, targetLatency: 0.5, bottleneck: 'Host link' }).status).toBe('FAIL');
    expect(judgeMemory({ ...base, targetLatency: 0.5, bottleneck: 'Compute' }).status).toBe('PASS');
    expect(judgeMemory({ ...base, targetLatency: 1.05 }).status).toBe('WARN');
    expect(judgeMemory({ ...base, regime: 'offload', utilization: 1.2 }).status).toBe('FAIL');
    expect(judgeMemory({ ...base, targetLatency: 1, latency: null, bottleneck: null }).status).toBe('WARN');
  });
});
