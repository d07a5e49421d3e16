import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportScenarioPlan, exportWorkbookFile, planToWorkbook, readWorkbookFile } from '../../src/persist/index.js';
import { loadPlanText } from '../../src/scenario/yaml-text.js';
import { workbookArb } from './arbitraries.js';
import { fixtureText, refusal, refusalSync, sampleWorkbook } from './helpers.js';

describe('.json workbook files', () => {
  it('readWorkbookFile(exportWorkbookFile(w).text) is identical to w', () => {
    fc.assert(fc.property(workbookArb, (wb) => {
      expect(readWorkbookFile(exportWorkbookFile(wb).text)).toEqual(wb);
    }), { numRuns: 100 });
  });

  it('exports pretty JSON with schema_version first and a safe file name', () => {
    const file = exportWorkbookFile(sampleWorkbook({ name: '<script>alert("x")</script>/../etc' }));
    expect(file.text.startsWith('{\n  "schema_version": 1,')).toBe(true);
    expect(file.filename).toMatch(/^[A-Za-z0-9 _.-]+\.json$/);
    expect(file.filename).not.toContain('/');
    expect(file.mimeType).toBe('application/json');
  });

  it('an invalid file is refused with the file name and the reason', () => {
    const cases: [string, string, RegExp][] = [
      ['{ not json', 'corrupt', /^bad.json: the file is not valid JSON/],
      ['{"schema_version":1,"__proto__":{}}', 'hostile', /^bad.json: the file is refused: it contains the key '__proto__'/],
      ['{"schema_version":1,"id":"x"}', 'invalid', /^bad.json: the file is not a valid workbook: name is required/],
      ['{"schema_version":7}', 'newer_version', /newer version \(7\)/],
      [`{"pad":"${'x'.repeat(600 * 1024)}"}`, 'too_large', /the limit is 512 KiB/],
    ];
    for (const [text, code, message] of cases) {
      const e = refusalSync(() => readWorkbookFile(text, 'bad.json'));
      expect([e.code, e.message]).toEqual([code, expect.stringMatching(message)]);
    }
  });

  it('an older (v0) file is migrated on import', () => {
    expect(readWorkbookFile(fixtureText('workbooks/v0.json')).schema_version).toBe(1);
  });
});

describe('mlsysim plan YAML', () => {
  const planText = fixtureText('../../examples/example_cluster.yaml');

  it('planToWorkbook() holds the plan as its one (active) scenario, as loadPlanText reads it', async () => {
    const { workbook, warnings } = await planToWorkbook(planText, { filename: 'example_cluster.yaml' });
    const expected = loadPlanText(planText);
    expect(workbook.scenarios).toHaveLength(1);
    expect(workbook.scenarios[0].scenario).toEqual(expected.scenario);
    expect(workbook.active_scenario_id).toBe(workbook.scenarios[0].id);
    expect(warnings).toEqual(expected.warnings);
  });

  it('export → import gives back the same scenario, and lists what a plan cannot hold', async () => {
    const wb = (await planToWorkbook(planText)).workbook;
    const exported = await exportScenarioPlan(wb, wb.scenarios[0].id);
    expect(exported.filename).toMatch(/\.mlsys\.yaml$/);
    expect((await planToWorkbook(exported.yaml)).workbook.scenarios[0].scenario).toEqual(wb.scenarios[0].scenario);

    const withExtras = sampleWorkbook();
    withExtras.scenarios[0].scenario = { ...withExtras.scenarios[0].scenario, overrides: { 'scenario.batch_size': 4, 'infra.pue': 1.2 } };
    expect((await exportScenarioPlan(withExtras, 's1')).dropped).toEqual(["overrides['infra.pue'] (1.2)"]);
  });

  it('refuses bad plans, custom devices and unknown scenarios with messages', async () => {
    expect((await refusal(() => planToWorkbook('version: "1.0"\nworkload: { name: Nope }\nhardware: { name: H100 }\n', { filename: 'p.yaml' }))).message)
      .toMatch(/^p.yaml: .*workload.name/);
    expect((await refusal(() => planToWorkbook('a: ['))).code).toBe('invalid');
    const hostile = await refusal(() => planToWorkbook('version: "1.0"\nworkload: { name: Llama3_8B, constructor: 1 }\nhardware: { name: H100 }\n'));
    expect([hostile.code, hostile.message]).toEqual(['hostile', expect.stringMatching(/'constructor'/)]);
    expect((await refusal(() => exportScenarioPlan(sampleWorkbook(), 'missing'))).code).toBe('not_found');
  });
});
