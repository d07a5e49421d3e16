/**
 * The 22-wall board (physics.md §11.1, §11.3): one row per wall in order, inactive walls
 * SKIPPED, an error headline ERROR, target rules only when a target is set, the analysis
 * walls 21–22 only when requested, and exactly one binding mark.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, type Scenario, WALLS, wallBoard, wallInfo } from '../../src/scenario/index.js';
import { FIRST_BUILD_DEFAULTS } from '../helpers/first-build.js';

const decode = (extra: Record<string, number | string> = {}): Scenario => ({
  model: 'Llama3_8B', hardware: 'H100', overrides: { ...FIRST_BUILD_DEFAULTS, ...extra }, // §12 inputs pinned (issue 19)
});
const row = (e: ReturnType<typeof evaluate>, wall: number) => e.walls.find((w) => w.wall === wall)!;
const statuses = (e: ReturnType<typeof evaluate>) => Object.fromEntries(e.walls.map((w) => [w.wall, w.status]));

describe('wallBoard', () => {
  it('has 22 rows, walls 1…22 in order, with the §11.3 names', () => {
    const e = evaluate(decode());
    expect(e.walls.map((w) => w.wall)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect(e.walls.map((w) => w.name)).toEqual([
      'Compute', 'Memory', 'Software', 'Serving', 'Batching', 'Streaming', 'Tail latency', 'Ingestion', 'Transformation',
      'Locality', 'Complexity', 'Reasoning', 'Fidelity', 'Communication', 'Fragility', 'Multi-tenant', 'Capital',
      'Sustainability', 'Checkpoint', 'Safety', 'Sensitivity', 'Synthesis',
    ]);
    expect(wallInfo(14).scope).toBe('communication');
    expect(() => wallInfo(23)).toThrow(RangeError);
    expect(WALLS).toHaveLength(22);
  });

  it('§12.1 decode: walls 1–3 PASS; serving, fleet, macro and unrequested analysis walls are SKIPPED', () => {
    const s = statuses(evaluate(decode()));
    expect([s[1], s[2], s[3]]).toEqual(['PASS', 'PASS', 'PASS']);
    for (const w of [4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22]) expect(s[w], `wall ${w}`).toBe('SKIPPED');
  });

  it('shows each active wall’s headline in its display unit (wall 2: U = 0.204107; wall 4: ttft 69.068 ms)', () => {
    expect(row(evaluate(decode()), 2).headline).toMatchObject({ cell: 'memory.memory_utilization', unit: 'fraction' });
    expect(row(evaluate(decode()), 2).headline!.value).toBeCloseTo(0.2041070816, 9);
    const serving = evaluate({ ...decode(), mode: 'serving' });
    expect(row(serving, 4)).toMatchObject({ status: 'PASS', headline: { cell: 'serving.ttft', unit: 'ms' } });
    expect(row(serving, 4).headline!.value).toBeCloseTo(69.0679747193, 6);
  });

  it('activity follows its condition: wall 7 only once a QPS is set', () => {
    const serving = { ...decode(), mode: 'serving' as const };
    expect(row(evaluate(serving), 7)).toMatchObject({ status: 'SKIPPED', reason: 'inactive' });
    const withQps = evaluate({ ...serving, overrides: { ...serving.overrides, 'tail_latency.arrival_rate': 1 } });
    expect(row(withQps, 7).status).not.toBe('SKIPPED');
  });

  it('an error headline makes the wall ERROR (ESP32_S3 has no fp16 peak: compute.mfu is unsupported)', () => {
    // fp16 asked for explicitly: unset, the ESP32-S3 runs at its catalogue default fp32.
    const e = evaluate({ model: 'GPT4', hardware: 'ESP32_S3', overrides: { 'scenario.precision': 'fp16' } });
    expect(e.built.graph.get('compute.mfu')).toMatchObject({ ok: false });
    expect(row(e, 1).status).toBe('ERROR');
    expect(row(e, 1).reason).toMatch(/fp16/);
    // Wall 2's capacity verdict does not need the compute cells (ref.oom_gpt4_on_esp32).
    expect(row(e, 2).status).toBe('FAIL');
  });

  it('wall 3 WARNs above η = 0.60 (§11.4), which the Performance lens shows as WARNING', () => {
    const e = evaluate(decode({ 'scenario.efficiency': 0.7 }));
    expect(row(e, 3).status).toBe('WARN');
    expect(e.card.performance.status).toBe('WARNING');
    expect(e.card.passed_all).toBe(true);
  });

  it('a 5 ms target arms wall 2’s target rule (5.20416 ms > 5 ms, Memory-bound: FAIL) and activates wall 22', () => {
    const e = evaluate(decode({ 'scenario.target_latency': 0.005 }));
    expect(row(e, 2).status).toBe('FAIL');
    expect(e.card.feasibility.status).toBe('PASS');
    expect(e.card.performance.status).toBe('FAIL');
    // Wall 22 headline: required_bandwidth 3.49645e12 B/s = 3496.45 GB/s (§12.1).
    expect(row(e, 22)).toMatchObject({ status: 'PASS', headline: { unit: 'GB/s' } });
    expect(row(e, 22).headline!.value).toBeCloseTo(3496.45298844, 4);
  });

  it('wall 22 WARNs when the target is below the fixed overheads (T_ov = 0.33 ms): no_solution is an answer', () => {
    const e = evaluate(decode({ 'scenario.target_latency': 0.0002 }));
    expect(e.built.graph.get('synthesis.available_time')).toMatchObject({ ok: false, error: { kind: 'no_solution' } });
    expect(row(e, 22).status).toBe('WARN');
    expect(row(e, 22).reason).toMatch(/fixed overheads/);
  });

  it('wall 21 is PASS when requested, ERROR when its output is an error, SKIPPED otherwise', () => {
    expect(row(evaluate(decode(), { sensitivity: true }), 21).status).toBe('PASS');
    const bad = evaluate(decode({ 'scenario.batch_size': 0 }), { sensitivity: true });
    expect(row(bad, 21).status).toBe('ERROR');
    expect(row(evaluate(decode()), 21)).toMatchObject({ status: 'SKIPPED', reason: 'not requested' });
  });

  it('training activates walls 14, 15, 19 and 11; macro walls 17–18 need ops', () => {
    const e = evaluate({ model: 'Llama3_8B', hardware: 'H100', system: { node_count: 1, accelerators_per_node: 8 }, overrides: { 'communication.tp': 8 } });
    const s = statuses(e);
    for (const w of [11, 14, 15, 19]) expect(s[w], `wall ${w}`).not.toBe('SKIPPED');
    expect([s[4], s[17], s[18]]).toEqual(['SKIPPED', 'SKIPPED', 'SKIPPED']);
  });

  it('marks exactly one binding wall, and only an active one', () => {
    const e = evaluate(decode());
    expect(e.walls.filter((w) => w.binding).map((w) => w.wall)).toEqual([2]);
    // The unmarked board (wallBoard) carries no binding field.
    expect(wallBoard(e.built.graph)[1]).not.toHaveProperty('binding');
  });
});
