import { describe, expect, it } from 'vitest';
import {
  CURRENT_WORKBOOK_VERSION, MIGRATIONS, OLDEST_WORKBOOK_VERSION, readWorkbook, readWorkbookJson,
} from '../../src/persist/index.js';
import { WORKBOOK_SCHEMA_VERSION } from '../../src/scenario/index.js';
import { fixtureText, refusalSync } from './helpers.js';

const fixture = (name: string): string => fixtureText(`workbooks/${name}`);

describe('migrations', () => {
  it('the current version is the workbook schema version, and every older version has a step', () => {
    expect(CURRENT_WORKBOOK_VERSION).toBe(WORKBOOK_SCHEMA_VERSION);
    for (let v = OLDEST_WORKBOOK_VERSION; v < CURRENT_WORKBOOK_VERSION; v++) {
      expect(MIGRATIONS.filter((m) => m.from === v)).toHaveLength(1);
    }
  });

  it('readWorkbook(v1 fixture) returns it unchanged', () => {
    const text = fixture('v1.json');
    const { workbook, fromVersion } = readWorkbookJson(text);
    expect(fromVersion).toBe(1);
    expect(workbook).toEqual(JSON.parse(text));
  });

  it('readWorkbook(v0 fixture) migrates map scenarios, titles, epoch times and sweeps to version 1', () => {
    const { workbook, fromVersion } = readWorkbookJson(fixture('v0.json'));
    expect(fromVersion).toBe(0);
    expect(workbook).toEqual({
      schema_version: 1,
      id: '0b7e2f4a-1c3d-4e5f-8a9b-0c1d2e3f4a5b',
      name: 'Pre-release workbook',
      created: new Date(1717000000000).toISOString(),
      updated: new Date(1717003600000).toISOString(),
      scenarios: [
        { id: 'scenario-1', name: 'Baseline', scenario: { model: 'Llama3_8B', hardware: 'H100', overrides: { 'scenario.batch_size': 4 } } },
        { id: 'scenario-2', name: 'Big', scenario: { model: 'Llama3_70B', hardware: 'H100', system: 'Training_1K', mode: 'training' } },
      ],
      sweeps: [{
        id: 'sweep-1', scenario_id: 'scenario-1',
        x: { cell: 'scenario.batch_size', start: 1, stop: 64, points: 7, scale: 'log' }, outputs: ['performance.latency'],
      }],
      notes: '',
      active_scenario_id: 'scenario-2',
    });
  });

  it('a v0 document that is broken after migration is refused with the field named', () => {
    const doc = { ...JSON.parse(fixture('v0.json')), scenarios: 'nope' };
    const e = refusalSync(() => readWorkbook(doc));
    expect(e.code).toBe('invalid');
    expect(e.message).toMatch(/scenarios must be a list of scenarios/);
  });

  it('a document from a newer app (v99) is refused, naming both versions', () => {
    const doc = { ...JSON.parse(fixture('v1.json')), schema_version: 99 };
    const e = refusalSync(() => readWorkbook(doc));
    expect(e.code).toBe('newer_version');
    expect(e.message).toMatch(/saved by a newer version \(99\); this app reads up to 1/);
  });

  it('a document without a version, or with a nonsense one, is refused as invalid', () => {
    expect(refusalSync(() => readWorkbook({ name: 'x' })).message).toMatch(/has no schema_version/);
    expect(refusalSync(() => readWorkbook({ schema_version: 'one' })).message).toMatch(/unknown schema_version \("one"\)/);
    expect(refusalSync(() => readWorkbook({ schema_version: -1 })).code).toBe('invalid');
    expect(refusalSync(() => readWorkbook([1, 2])).message).toMatch(/got a list/);
  });
});
