/**
 * Newcomer defaults in the workbook: a scenario named after its choices follows them (a name the
 * user gave is kept), and a link naming an unknown model still opens a workbook — with that
 * choice replaced — whose later edits are saved (before, the page stayed on "Opening…").
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { WorkbookStore } from '../../src/persist/index.js';
import { batchOf, freshIndexedDb, started } from './workbook-helpers.js';

beforeEach(freshIndexedDb);

describe('the scenario name follows the choices', () => {
  it('"Llama3_8B on H100" becomes "Llama3_70B on A100" as the model and the device change', async () => {
    const m = await started();
    m.scenario.choose({ model: 'Llama3_70B' });
    m.scenario.choose({ hardware: 'A100' });
    await m.session.flush();
    expect(m.session.workbook()!.scenarios[0].name).toBe('Llama3_70B on A100');
    await m.close();
  });

  it('a name the user gave stays', async () => {
    const m = await started();
    m.session.renameScenario('scenario-1', 'Lecture 3: the memory wall');
    m.scenario.choose({ model: 'Llama3_70B' });
    await m.session.flush();
    expect(m.session.workbook()!.scenarios[0].name).toBe('Lecture 3: the memory wall');
    await m.close();
  });
});

describe('a link naming an unknown model', () => {
  it('opens a workbook with the rest of the link, and keeps the next edit', async () => {
    const hash = '#v=' + encodeURIComponent(JSON.stringify({ m: 'Llama3_8X', h: 'A100', r: 'Quebec' }));
    const m = await started({ hash });
    const wb = m.session.workbook()!;
    expect(wb.scenarios[0].scenario).toMatchObject({ model: 'Llama3_8B', hardware: 'A100', region: 'Quebec' });
    expect(m.scenario.desc()).toMatchObject({ model: 'Llama3_8B', hardware: 'A100', region: 'Quebec' });
    m.scenario.setInput('scenario.batch_size', 8);
    await m.session.flush();
    expect(batchOf(await new WorkbookStore().get(wb.id))).toBe(8);
    await m.close();
  });
});
