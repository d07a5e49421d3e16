/**
 * The binding wall (physics.md §11.5): the headline time split into parts owned by walls; the
 * largest active part binds, ties go to the lower wall, and the share is that part over the
 * sum. Hand arithmetic from §12.1 and §12.2 in the comments.
 */
import { describe, expect, it } from 'vitest';
import { input, LiveGraph } from '../../src/graph/index.js';
import { bindingWall, evaluate, type Scenario, WALLS, type WallRow } from '../../src/scenario/index.js';
import { loadPlanText } from '../../src/scenario/yaml-text.js';
import { goldenCase } from '../helpers/golden.js';
import { FIRST_BUILD_DEFAULTS } from '../helpers/first-build.js';

const decode = (extra: Record<string, number | string> = {}, mode?: Scenario['mode']): Scenario => ({
  model: 'Llama3_8B', hardware: 'H100', ...(mode ? { mode } : {}), overrides: { ...FIRST_BUILD_DEFAULTS, ...extra }, // §12 inputs pinned (issue 19)
});

describe('bindingWall on real scenarios', () => {
  it('§12.1 B = 1: wall 2 owns T_m = 4.87416 of 5.20416 ms (share 0.936589); wall 3 owns T_ov = 0.33 ms', () => {
    const e = evaluate(decode());
    const b = bindingWall(e.built.graph, 'inference', e.walls);
    expect(b.wall).toBe(2);
    expect(b.parts[2]).toBeCloseTo(4.87415983761e-3, 12);
    expect(b.parts[3]).toBeCloseTo(0.33e-3, 12);
    expect(b.parts[1]).toBe(0);
    // 4.87416 / 5.20416 = 0.936589.
    expect(b.share).toBeCloseTo(0.936589188208, 9);
    expect(e.binding_share).toBe(b.share);
  });

  it('compute-bound decode (x = 128, B = 256 > B* = 173.666): wall 1 binds', () => {
    expect(evaluate(decode({ 'scenario.batch_size': 256, 'scenario.context_len': 128 })).binding_wall).toBe(1);
  });

  it('§12.2 training: wall 1 owns 32 × 241.533 ms = 7.72906 s of 10.0062 s (share 0.772427)', () => {
    const c = goldenCase('spec-12.2-train-70b-1024-h100');
    const i = c.inputs as { plan_yaml: string; overrides: Record<string, number | string | boolean> };
    const e = evaluate(loadPlanText(i.plan_yaml).scenario, { overrides: i.overrides });
    const b = bindingWall(e.built.graph, 'training', e.walls);
    expect(b.wall).toBe(1);
    expect(b.share).toBeCloseTo(0.772427036985, 9);
    expect(b.parts[1]).toBeCloseTo(32 * 0.241532979687, 9);
    // T_opt to wall 2; m·T_ov = 32 × 0.61 ms to wall 3.
    expect(b.parts[2]).toBeCloseTo(0.000576259328358, 9);
    expect(b.parts[3]).toBeCloseTo(32 * 0.00061, 9);
    // Wall 14 owns the rest: 10.0061947341 − 7.72905534998 − 0.000576259328 − 0.01952 = 2.25704312479 s.
    expect(b.parts[14]).toBeCloseTo(2.25704312479, 6);
    // The training row's parts sum to step_latency exactly.
    const sum = Object.values(b.parts).reduce((x, y) => x + y, 0);
    expect(sum).toBeCloseTo(10.0061947341, 6);
  });

  it('serving (§12.1, N_out = 128): prefill 68.738 ms to wall 1, 127 decode steps to wall 2, every T_ov to wall 3', () => {
    const e = evaluate(decode({}, 'serving'));
    const b = bindingWall(e.built.graph, 'serving', e.walls);
    // Prefill is compute-bound: T_c = 68.7380 ms. Decode at itl_mean: 127 × (5.20666390 − 0.33) ms = 619.336 ms.
    expect(b.parts[1]).toBeCloseTo(0.0687379747193, 9);
    expect(b.parts[2]).toBeCloseTo(127 * (0.0052066638997 - 0.00033), 9);
    // 128 overheads of 0.33 ms (one prefill step, 127 decode steps); no KV transfer.
    expect(b.parts[3]).toBeCloseTo(128 * 0.00033, 12);
    expect(b.parts[4]).toBe(0);
    // The parts sum to request_latency = 730.314 ms; wall 2 binds with 619.336 / 730.314.
    expect(b.parts[1] + b.parts[2] + b.parts[3]).toBeCloseTo(0.730314289981, 9);
    expect(b.wall).toBe(2);
    expect(b.share).toBeCloseTo((127 * (0.0052066638997 - 0.00033)) / 0.730314289981, 8);
  });
});

/*
 *   compute.binding_part   memory.binding_part   communication.binding_part
 *          (wall 1)              (wall 2)                 (wall 14)
 */
function parts(values: Record<string, number>): LiveGraph {
  return new LiveGraph(Object.entries(values).map(([id, v]) =>
    input({ id, label: id, doc: id, unit: 's', layer: 'E', default: v, domain: { kind: 'number', min: 0 } })));
}
const board = (skipped: number[] = []): WallRow[] =>
  WALLS.map((w) => ({ wall: w.wall, name: w.name, status: skipped.includes(w.wall) ? 'SKIPPED' : 'PASS', reason: '', binding: false }));

describe('bindingWall rules', () => {
  it('the largest part binds; share = part / sum of all parts', () => {
    const b = bindingWall(parts({ 'compute.binding_part': 1, 'memory.binding_part': 3, 'communication.binding_part': 4 }), 'training', board());
    expect(b).toMatchObject({ wall: 14, share: 0.5 });
  });
  it('ties go to the lower wall number', () => {
    const b = bindingWall(parts({ 'communication.binding_part': 2, 'memory.binding_part': 2, 'compute.binding_part': 1 }), 'training', board());
    expect(b).toMatchObject({ wall: 2, share: 0.4 });
  });
  it('only active walls bind, but every part counts in the share', () => {
    const b = bindingWall(parts({ 'compute.binding_part': 1, 'memory.binding_part': 3, 'communication.binding_part': 4 }), 'training', board([14]));
    expect(b).toMatchObject({ wall: 2, share: 3 / 8 });
  });
  it('no parts, no binding wall', () => {
    expect(bindingWall(parts({}), 'training', board())).toEqual({ parts: {}, wall: undefined, share: undefined });
  });
});
