/**
 * Consistency: for ten scenarios (edge, mobile, single GPU, 1K- and 8K-GPU training, serving),
 * the library and the CLI (`mlsysim --output json eval scenario.json --all`, spawned from the
 * build) report identical values — the flat scorecard, the wall board and every cell. The
 * browser leg of this check is a later step.
 */
import { describe, expect, it } from 'vitest';
import { cellReport, evaluate, flatResult } from '../../src/scenario/index.js';
import { cliJson, scratch } from '../cli/helpers.js';

const SCENARIOS: Record<string, Record<string, unknown>> = {
  'edge: ResNet50 on Jetson AGX Orin': { model: 'ResNet50', hardware: 'JetsonAGXOrin' },
  'edge: MobileNetV2 on Coral': { model: 'MobileNetV2', hardware: 'Coral' },
  'mobile: Llama3_8B on iPhone 15 Pro': { model: 'Llama3_8B', hardware: 'iPhone15Pro' },
  'mobile: MobileNetV2 on Pixel 8': { model: 'MobileNetV2', hardware: 'Pixel8' },
  'single GPU: Llama3_8B on H100': { model: 'Llama3_8B', hardware: 'H100' },
  'single GPU: Llama3_70B on H200, batch 16': { model: 'Llama3_70B', hardware: 'H200', overrides: { 'scenario.batch_size': 16 } },
  '1K-GPU training: Llama3_70B on Training_1K': { model: 'Llama3_70B', hardware: 'H100', system: 'Training_1K', mode: 'training', ops: { duration_days: 14 } },
  '8K-GPU training: Llama3_70B on Frontier_8K': { model: 'Llama3_70B', hardware: 'H100', system: 'Frontier_8K', mode: 'training', ops: { duration_days: 30 } },
  'serving: Llama3_8B on H100': { model: 'Llama3_8B', hardware: 'H100', mode: 'serving' },
  'serving: Llama3_70B on 8 × H100': { model: 'Llama3_70B', hardware: 'H100', system: { node_count: 1, accelerators_per_node: 8 }, mode: 'serving' },
};

describe('library and CLI report identical values', () => {
  it.concurrent.each(Object.entries(SCENARIOS))('%s', async (_name, scenario) => {
    const lib = evaluate(scenario);
    const dir = scratch({ 'scenario.json': JSON.stringify(scenario) });
    const r = await cliJson(['--output', 'json', 'eval', 'scenario.json', '--all'], dir);
    expect(r.code, r.stderr).toBe(lib.exit_code);
    // JSON turns ±∞ into null: compare through the same serialisation.
    const same = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
    for (const [k, v] of Object.entries(flatResult(lib))) expect(r.json[k], k).toEqual(same(v));
    expect(r.json.walls).toEqual(same(lib.walls));
    expect(r.json.cells).toEqual(same(cellReport(lib.built.graph)));
  }, 60_000);
});
