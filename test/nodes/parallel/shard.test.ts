/** The pure step of a split replica (src/nodes/parallel/shard.ts), on a small hand-made shard. */
import { describe, expect, it } from 'vitest';
import type { Shard } from '../../../src/nodes/parallel/shard.js';
import { microbatchesFor, stagePass } from '../../../src/nodes/parallel/shard.js';
import { decodeStep, type LmFacts, servingDecodeStep, type StepRates } from '../../../src/nodes/serving/lm-physics.js';

const nv = { beta: 450e9, alpha: 0.5e-6, congestion: 1 };
/** Llama3_70B-like, t = 4, p = 2 on one 8-GPU node: 40 layers a stage, KV split 4-way over the stage's half. */
const SHARD: Shard = {
  tp: 4, pp: 2, ep: 1, stageLayers: 40, stageFraction: 0.5, moeStageLayers: 0, kvFraction: 0.5 / 4,
  weightBytes: (70.6e9 * 2 * 0.5) / 4, tokenBytes: 8192 * 2, expertsPerToken: 0, tpLink: nv, epLink: null, ppLink: nv,
  cp: 1, cpLink: null, kvLayerBytes: 327680 / 80 / 4,
};
const LM: LmFacts = {
  linearFlops: 141.2e9, attentionCoeff: 2621440, convention: 'causal', weightBytes: 141.2e9, moe: null, kvPerToken: 327680, layers: 80, shard: SHARD,
};
const R: StepRates = { peakFlops: 989e12, efficiency: 0.5, bandwidth: 3.35e12, bandwidthEfficiency: 1, dispatchTax: 10e-6, layerTax: 10e-6 };

describe('stagePass: one step through the stages of a replica', () => {
  it('B = 2 at x = 2048: per-device roofline, 2·L_stage all-reduces, p stages and p − 1 hand-offs', () => {
    const flops = 2 * (141.2e9 + 2621440 * 2048); // B·F_tok(x)
    const kv = 2 * 2048 * 327680; // B·x·kv_tok
    const p = stagePass(SHARD, null, R, flops, kv, 2, 1);
    // one device: F·f/t over peak·η, (W_dev + K·κ_kv)/BW
    const tc = (flops * 0.5) / 4 / (989e12 * 0.5);
    const tm = ((70.6e9 * 2 * 0.5) / 4 + (kv * 0.5) / 4) / 3.35e12;
    expect(p.tCompute).toBeCloseTo(tc, 15);
    expect(p.tMemory).toBeCloseTo(tm, 15);
    expect(p.tOverhead).toBeCloseTo(10e-6 + 40 * 10e-6, 15);
    // ring all-reduce of 2·16384 B over 4 ranks: 2·3/4·32768/450e9 + 2·3·0.5e-6, 80 per stage
    const ar = 1.5 * (32768 / 450e9) + 3e-6;
    expect(p.tpComm).toBeCloseTo(80 * ar, 15);
    expect(p.handoff).toBeCloseTo(32768 / 450e9 + 0.5e-6, 15);
    expect(p.latency).toBeCloseTo(2 * (tm + 4.1e-4 + 80 * ar) + p.handoff, 12);
    // the parts of the pass add up to it
    expect(p.roofTotal + p.overheadTotal + p.commTotal).toBeCloseTo(p.latency, 15);
  });

  it('m = min(p, B) micro-batches of ⌈B/m⌉', () => {
    expect(microbatchesFor(SHARD, 32)).toEqual({ count: 2, size: 16 });
    expect(microbatchesFor(SHARD, 1)).toEqual({ count: 1, size: 1 });
    expect(microbatchesFor(SHARD, 5)).toEqual({ count: 2, size: 3 });
  });

  it('a serving pipeline keeps p micro-batches in flight: ITL at R busy slots is the pass at ⌈R/p⌉', () => {
    expect(servingDecodeStep(LM, R, 2112, 32).latency).toBe(decodeStep(LM, R, 2112, 16).latency);
    expect(servingDecodeStep(LM, R, 2112, 1).latency).toBe(decodeStep(LM, R, 2112, 1).latency);
    // on one device nothing changes
    const one: LmFacts = { ...LM, shard: null };
    expect(servingDecodeStep(one, R, 2112, 32).latency).toBe(decodeStep(one, R, 2112, 32).latency);
  });
});
