/**
 * The lessons (src/persist/lessons.ts): every step applies and evaluates, and what each text
 * says holds — checked against figures derived by hand from the catalogue and physics.md:
 * Llama3_8B: P = 8.03e9, L = 32, H_kv = 8, d_h = 128 → fp16 KV 131 072 B per token;
 * Llama3_70B: P = 70.6e9, L = 80 → 327 680 B per token; H100: 80 GB.
 */
import { describe, expect, it } from 'vitest';
import { exampleWorkbook, listExamples } from '../../src/persist/index.js';
import { evaluateBuilt, workbookSchema } from '../../src/scenario/index.js';
import { lessonDesc, stepChange, stepKnob } from '../../src/ui/components/lessons/lesson-steps.js';
import { buildDesc, fromScenario } from '../../src/ui/store/index.js';

const GB = 1e9;

/** Each step of lesson `id` built as the workbench builds it: its graph and evaluation. */
function steps(id: string) {
  const wb = exampleWorkbook(id);
  const lesson = wb.lesson!;
  const base = fromScenario(lesson.start);
  return lesson.steps.map((step, k) => {
    const b = buildDesc(lessonDesc(base, lesson.steps, k));
    expect(b.dropped).toEqual([]);
    return { step, graph: b.built.graph, evaluation: evaluateBuilt(b.built) };
  });
}
const num = (g: ReturnType<typeof steps>[number]['graph'], id: string) => g.value(id) as number;

describe('lessons as workbooks', () => {
  it('four lessons, each a valid workbook whose lesson starts from its first scenario', () => {
    const ids = listExamples().filter((e) => e.kind === 'lesson').map((e) => e.id);
    expect(ids).toEqual(['lesson.roofline-batching', 'lesson.memory-wall', 'lesson.fleet-scaling', 'lesson.carbon-region']);
    for (const id of ids) {
      const wb = exampleWorkbook(id);
      expect(workbookSchema.safeParse(wb).success).toBe(true);
      expect(wb.lesson!.start).toEqual(wb.scenarios[0].scenario);
      expect(wb.lesson!.steps.length).toBeGreaterThanOrEqual(3);
      for (const s of steps(id)) {
        expect(s.evaluation.input_error).toBeUndefined();
        if (s.step.predict) expect(s.graph.has(s.step.predict)).toBe(true);
      }
    }
  });

  it('a step is its change on top of the steps before it: the knob is its first edit', () => {
    const lesson = exampleWorkbook('lesson.roofline-batching').lesson!;
    const base = fromScenario(lesson.start);
    expect(lessonDesc(base, lesson.steps, 2).overrides).toEqual({ 'scenario.batch_size': 64 });
    expect(stepKnob(lesson.steps[1])).toBe('scenario.batch_size');
    const carbon = exampleWorkbook('lesson.carbon-region').lesson!;
    expect(stepChange(carbon.steps[2])).toEqual({ pick: { region: 'Poland' }, set: {} });
    expect(lessonDesc(fromScenario(carbon.start), carbon.steps, 2).region).toBe('Poland');
  });
});

describe('what the texts say holds', () => {
  it('roofline and batching: memory-bound at ~1 FLOP/B; batch 256 needs 16.06 + 68.72 GB > 80 GB', () => {
    const [one, eight, sixtyFour, wall] = steps('lesson.roofline-batching');
    expect(one.graph.value('compute.bottleneck')).toBe('Memory');
    // AI = F/Q = 2·P·… / (2·P + KV): 17.13 GFLOP / 16.33 GB ≈ 1.05 FLOP/B.
    expect(num(one.graph, 'compute.arithmetic_intensity')).toBeGreaterThan(0.9);
    expect(num(one.graph, 'compute.arithmetic_intensity')).toBeLessThan(1.2);
    expect(num(one.graph, 'workload.weight_bytes')).toBe(8.03e9 * 2);
    // Batching: throughput grows almost with B while latency barely moves.
    const tput = (s: typeof one) => num(s.graph, 'performance.throughput');
    expect(tput(sixtyFour) / tput(one)).toBeGreaterThan(32);
    expect(num(eight.graph, 'performance.latency') / num(one.graph, 'performance.latency')).toBeLessThan(1.5);
    expect(num(wall.graph, 'workload.kv_bytes')).toBe(256 * 2048 * 131_072);
    expect(256 * 2048 * 131_072).toBe(68_719_476_736);
    expect(wall.graph.value('memory.feasible')).toBe(false);
    expect(sixtyFour.graph.value('memory.feasible')).toBe(true);
  });

  it('the memory wall: fp16 offloads 141.2 GB; fp8 70.6 GB resident; int4 35.3 GB; batch 64 fits at 78.2 GB + working set, 128 does not', () => {
    const [fp16, fp8, int4, b64, b128] = steps('lesson.memory-wall');
    expect(num(fp16.graph, 'workload.weight_bytes')).toBe(70.6e9 * 2);
    expect(fp16.graph.value('memory.memory_regime')).toBe('offload');
    expect(num(fp8.graph, 'workload.weight_bytes')).toBe(70.6e9);
    expect(fp8.graph.value('memory.memory_regime')).toBe('resident');
    expect(num(int4.graph, 'workload.weight_bytes')).toBe(35.3e9);
    const kvPerSequence = 80 * 8 * 256 * 2 * 2048;
    expect(kvPerSequence).toBe(671_088_640);
    expect(num(b64.graph, 'workload.kv_bytes')).toBe(64 * kvPerSequence);
    expect(35.3 * GB + 64 * kvPerSequence).toBeLessThan(80 * GB);
    expect(b64.graph.value('memory.feasible')).toBe(true);
    expect(num(b128.graph, 'workload.kv_bytes')).toBe(128 * kvPerSequence);
    expect(b128.graph.value('memory.feasible')).toBe(false);
  });

  it('fleet scaling: 16 B a parameter over 8 GPUs is 141 GB each (no fit); 64 fit; 1,024 give less than 16× the 64', () => {
    const [eight, sixtyFour, thousand] = steps('lesson.fleet-scaling');
    expect((16 * 70.6e9) / 8).toBeCloseTo(141.2 * GB, -6);
    expect(eight.graph.value('communication.train_feasible')).toBe(false);
    expect(eight.evaluation.card.feasibility.status).toBe('FAIL');
    expect(sixtyFour.graph.value('communication.train_feasible')).toBe(true);
    expect(thousand.graph.value('communication.train_feasible')).toBe(true);
    const ratio = num(thousand.graph, 'performance.fleet_throughput') / num(sixtyFour.graph, 'performance.fleet_throughput');
    expect(ratio).toBeGreaterThan(1);
    expect(ratio).toBeLessThan(16);
  });

  it('carbon by region: operational = facility energy × intensity; Poland / Quebec = 820·1.58 / (20·1.06) ≈ 61; embodied the same', () => {
    const [us, quebec, poland] = steps('lesson.carbon-region');
    const per = (s: typeof us, g: number) => num(s.graph, 'sustainability.facility_energy') * (g / 3.6e6);
    expect(num(us.graph, 'infra.carbon_intensity')).toBeCloseTo(366 / 3.6e6, 15);
    for (const [s, g] of [[us, 366], [quebec, 20], [poland, 820]] as const) {
      expect(Math.abs(num(s.graph, 'sustainability.operational_carbon') / per(s, g) - 1)).toBeLessThan(1e-12);
    }
    const opRatio = num(poland.graph, 'sustainability.operational_carbon') / num(quebec.graph, 'sustainability.operational_carbon');
    expect(Math.abs(opRatio / ((820 * 1.58) / (20 * 1.06)) - 1)).toBeLessThan(1e-9);
    expect(Math.round(opRatio)).toBe(61);
    expect(num(poland.graph, 'sustainability.embodied_carbon_share')).toBe(num(quebec.graph, 'sustainability.embodied_carbon_share'));
  });
});
