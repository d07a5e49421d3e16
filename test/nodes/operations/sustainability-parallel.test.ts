/**
 * Wall 18 (Sustainability) on a split model: the utilisation is the fleet's, not one device's stage.
 *
 *   communication.fleet_mfu = replicas·B·F_tok/(T_step·N·peak) ─► utilization_mfu_effective ─► device_power ─► it_energy
 *
 * Expected values derived by hand from test/nodes/fixtures.ts and physics.md (§2.3, §3.1, §3.2, wall 18).
 */
import { describe, expect, it } from 'vitest';
import { LiveGraph, type Plain } from '../../../src/graph/index.js';
import { expectClose } from '../../helpers/golden.js';
import { H100, LLAMA3_70B, ONE_NODE_8 } from '../fixtures.js';
import { num, ring, splitGraph } from '../split-graph.js';

const graph = (values: Record<string, Plain>): LiveGraph => splitGraph('inference', LLAMA3_70B, H100, ONE_NODE_8, values);

describe('Llama3_70B on one 8-GPU H100 node at TP 4 (2 replicas, B = 1, x = 2048)', () => {
  const inputs = { 'communication.tp': 4, 'scenario.batch_size': 1, 'scenario.context_len': 2048, 'scenario.precision': 'fp16' };
  // F_tok(2048) = 2P + A·x, A = 2·80·64·256; one device: W/4 + 2048·kv_tok/4 at 3.35e12 B/s (memory-bound), T_ov = 8.1e-4 s;
  // the replica's step adds 160 all-reduces of 16 384 B over 4 GPUs (NVLink 450e9 B/s, 0.5 µs).
  const fTok = 2 * 70.6e9 + 2 * 80 * 64 * 256 * 2048;
  const tDevice = (70.6e9 * 2 / 4 + 2048 * 327680 / 4) / 3.35e12 + 10e-6 + 80 * 10e-6;
  const tStep = tDevice + 160 * ring(8192 * 2, 4, 450e9, 0.5e-6);
  // u = replicas·B·F_tok/(T_step·N·peak) = 2·F_tok/(T_step·8·989e12) ≈ 0.0063.
  const u = (2 * fTok) / (tStep * 8 * 989e12);

  it('utilisation is the fleet MFU: every replica\'s decode FLOPs over all 8 devices\' peak', () => {
    const g = graph(inputs);
    expectClose(num(g, 'sustainability.utilization_mfu_effective'), u, 1e-12, 'u');
    // One device's stage MFU is larger by T_step/T_device: its compute units wait through the all-reduces.
    expectClose(num(g, 'compute.mfu') / u, tStep / tDevice, 1e-12, 'stage/fleet');
  });

  it('mfu_linear: P = 700·(0.3 + 0.7·u) per device', () => {
    const g = graph({ ...inputs, 'scenario.power_model': 'mfu_linear' });
    expectClose(num(g, 'sustainability.device_power'), 700 * (0.3 + 0.7 * u), 1e-12, 'P_dev');
  });

  it('activity: the device draws its step power for T_device of every T_step, idle power the rest', () => {
    const g = graph(inputs);
    const idle = num(g, 'compute.idle_power_effective');
    const step = num(g, 'compute.device_power');
    expect(step).toBeGreaterThan(idle);
    expectClose(num(g, 'sustainability.device_power'), idle + (step - idle) * (tDevice / tStep), 1e-12, 'P_dev');
  });
});
