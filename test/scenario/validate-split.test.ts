/**
 * The tune/holdout split of the validation set follows the rule its `split_method` states:
 * per category (alphabetical), ids sorted, Fisher–Yates with mulberry32(seed 19) from the last
 * index, the first floor(n/2) to 'tune' and, when n is odd, the middle case to 'tune' when a
 * further draw is below 0.5; a case added later (in the order added, id order within a batch)
 * joins the smaller half of its category, a tie broken by the next draw (< 0.5: 'tune').
 * This replays the draw and checks every measured case's split against it.
 */
import { describe, expect, it } from 'vitest';
import { validationCases, validationSet } from '../../src/registry/index.js';

/** The reference PRNG (Tommy Ettinger's mulberry32). */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The 33 measured cases the split was first drawn over, by their category then (the Llama 3 interruption count was reliability). */
const FIRST_DRAW: Readonly<Record<string, readonly string[]>> = {
  carbon: ['llama2-7b-a100-carbon', 'llama2-70b-a100-carbon', 'llama3-8b-h100-carbon', 'llama3-70b-h100-carbon', 'llama31-8b-h100-carbon',
    'llama31-70b-h100-carbon', 'llama31-405b-h100-carbon', 'bloom-176b-a100-carbon'],
  cost: ['deepseek-v3-h800-training-cost'],
  energy: ['bloom-176b-a100-gpu-energy'],
  inference: ['trtllm-h100-llama2-7b-b768-128-128', 'trtllm-h100-llama2-7b-b112-128-2048', 'trtllm-h100-llama2-7b-b80-2048-128',
    'trtllm-h100-llama2-7b-b48-2048-2048', 'trtllm-a100-llama2-7b-b384-128-128', 'trtllm-a100-llama2-7b-b60-128-2048',
    'trtllm-a100-llama2-7b-b52-2048-128', 'trtllm-h100-llama2-70b-tp2-b96-2048-128', 'trtllm-h100-llama2-7b-ttft-128',
    'trtllm-h100-llama2-7b-ttft-2048', 'trtllm-a100-llama2-7b-ttft-128', 'trtllm-a100-llama2-7b-ttft-2048', 'trtllm-h100-llama2-70b-tp4-ttft-2048'],
  reliability: ['llama3-405b-h100-interruptions-54d'],
  training: ['llama3-405b-8k-h100-mfu', 'llama3-405b-16k-h100-mfu', 'korthikanti-22b-a100-mfu', 'korthikanti-175b-a100-mfu',
    'korthikanti-175b-a100-step-time', 'korthikanti-530b-a100-mfu', 'korthikanti-530b-a100-step-time', 'korthikanti-1t-a100-mfu',
    'deepseek-v3-h800-tokens-per-gpu'],
};

/** Cases added after the draw, in the order they joined (a batch in id order). */
const LATER = [
  'bloom-176b-a100-tflops-per-gpu',
  'kokolis-rsc1-a100-1024gpu-job-mttf', 'kokolis-rsc1-a100-node-failure-rate', 'kokolis-rsc2-a100-node-failure-rate',
  'llmc-gpt2-124m-a100-training-cost', 'mpt-7b-a100-training-cost',
  'llmc-gpt2-1558m-h100-training-cost',
  'opt-175b-a100-hardware-restarts-2mo',
];

function replay(): Map<string, 'tune' | 'holdout'> {
  const rng = mulberry32(19);
  const split = new Map<string, 'tune' | 'holdout'>();
  for (const cat of Object.keys(FIRST_DRAW).sort()) {
    const ids = [...FIRST_DRAW[cat]].sort();
    for (let i = ids.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [ids[i], ids[j]] = [ids[j], ids[i]];
    }
    const half = ids.length >> 1;
    ids.forEach((id, i) => split.set(id, i < half ? 'tune' : 'holdout'));
    if (ids.length % 2 && rng() < 0.5) split.set(ids[half], 'tune');
  }
  // Later cases count the halves of their category as the set holds it now (identities excluded).
  const category = new Map(validationCases().map((c) => [c.id, c.category]));
  for (const id of LATER) {
    const peers = [...split].filter(([other]) => category.get(other) === category.get(id));
    const tune = peers.filter(([, s]) => s === 'tune').length;
    const holdout = peers.length - tune;
    split.set(id, tune < holdout ? 'tune' : holdout < tune ? 'holdout' : rng() < 0.5 ? 'tune' : 'holdout');
  }
  return split;
}

describe('the validation split', () => {
  it('the split method names the seed and the rule the replay follows', () => {
    expect(validationSet().split_method).toMatch(/mulberry32\(seed 19\).*Fisher–Yates.*joins the split with fewer cases of its category/s);
  });

  it('every measured case carries the split the rule gives it, and every one is accounted for', () => {
    const want = replay();
    const measured = validationCases().filter((c) => c.category !== 'identity');
    for (const c of measured) expect(c.split, c.id).toBe(want.get(c.id));
    // The cases of the first draw that are measured now, plus the later ones, are the whole measured set.
    expect(measured.length).toBe(Object.values(FIRST_DRAW).flat().length - 1 + LATER.length);
  });
});
