import { describe, expect, it } from 'vitest';
import { exampleWorkbook, listExamples, PersistError } from '../../src/persist/index.js';
import { registry } from '../../src/registry/index.js';
import { buildScenario, evaluate, loadScenario, workbookSchema } from '../../src/scenario/index.js';

describe('example workbooks', () => {
  const examples = listExamples();

  it('there is one per catalogue scenario plus the three lecture workbooks and the four lessons', () => {
    const catalogue = registry().list('scenario').map((s) => `catalogue.${s.id}`);
    expect(catalogue).toEqual(expect.arrayContaining([
      'catalogue.SmartDoorbell', 'catalogue.KeywordSpotting', 'catalogue.MobileAssistant', 'catalogue.ChatbotServing',
      'catalogue.FrontierTraining',
    ]));
    expect(examples.map((e) => e.id)).toEqual([
      ...catalogue, 'lecture.roofline', 'lecture.training-70b', 'lecture.carbon',
      'lesson.roofline-batching', 'lesson.memory-wall', 'lesson.fleet-scaling', 'lesson.carbon-region',
    ]);
    expect(examples.filter((e) => e.kind === 'lecture').map((e) => e.title)).toEqual([
      'Roofline: ResNet-50 vs Llama decode', '70B training on 1,024 H100', 'Carbon: Quebec vs Poland',
    ]);
  });

  it.each(listExamples().map((e) => [e.id]))('%s is a valid workbook whose scenarios load, build and evaluate', (id) => {
    const wb = exampleWorkbook(id);
    expect(workbookSchema.safeParse(wb).success).toBe(true);
    expect(wb.scenarios.length).toBeGreaterThan(0);
    for (const { scenario } of wb.scenarios) {
      expect(() => loadScenario(scenario)).not.toThrow();
      expect(() => buildScenario(scenario)).not.toThrow();
      const result = evaluate(scenario);
      expect(result.input_error).toBeUndefined();
    }
  });

  it('the 70B lecture runs on Training_1K, which is 1,024 H100, in training mode for 14 days', () => {
    const c = registry().resolveCluster('Training_1K');
    expect([c.cluster.accelerator_count, c.device.id]).toEqual([1024, 'H100']);
    const s = exampleWorkbook('lecture.training-70b').scenarios[0].scenario;
    expect(s).toMatchObject({ model: 'Llama3_70B', hardware: 'H100', system: 'Training_1K', mode: 'training', ops: { duration_days: 14 } });
  });

  it('the carbon lecture differs only in region', () => {
    const [q, p] = exampleWorkbook('lecture.carbon').scenarios.map((s) => s.scenario);
    expect([q.region, p.region]).toEqual(['Quebec', 'Poland']);
    const { region: _q, name: _qn, ...restQ } = q;
    const { region: _p, name: _pn, ...restP } = p;
    expect(restQ).toEqual(restP);
  });

  it('the roofline lecture has ResNet-50 and Llama-3 8B decode on H100 at batch 1, with batch sweeps', () => {
    const wb = exampleWorkbook('lecture.roofline');
    expect(wb.scenarios.map((s) => [s.scenario.model, s.scenario.hardware, s.scenario.overrides?.['scenario.batch_size']]))
      .toEqual([['ResNet50', 'H100', 1], ['Llama3_8B', 'H100', 1]]);
    expect(wb.sweeps.map((s) => s.scenario_id)).toEqual(['resnet50', 'llama-decode']);
  });

  it('an unknown example id is refused, listing the known ones', () => {
    expect(() => exampleWorkbook('catalogue.Nope')).toThrow(PersistError);
    expect(() => exampleWorkbook('nope')).toThrow(/examples: catalogue\.SmartDoorbell/);
  });
});
