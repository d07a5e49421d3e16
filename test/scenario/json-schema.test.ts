import { describe, expect, it } from 'vitest';
import { jsonSchemaFor, LAYOUT_CELLS, SCHEMA_TYPES } from '../../src/scenario/index.js';
import { REPLICA_LAYOUT_CELLS } from '../../src/scenario/optimize/index.js';
import { TRAINING_LAYOUT_CELLS } from '../../src/scenario/optimize/training-layouts.js';

describe('jsonSchemaFor', () => {
  it('gives valid JSON for every document type', () => {
    for (const type of SCHEMA_TYPES) {
      const text = JSON.stringify(jsonSchemaFor(type));
      const back = JSON.parse(text) as Record<string, unknown>;
      expect(back.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(back.type).toBe('object');
      expect(back.additionalProperties).toBe(false);
    }
  });

  const props = (type: (typeof SCHEMA_TYPES)[number]) =>
    jsonSchemaFor(type).properties as Record<string, Record<string, unknown>>;

  it('plan: the mlsys.yaml sections, unknown keys refused at every level', () => {
    expect(Object.keys(props('plan'))).toEqual(['version', 'name', 'workload', 'hardware', 'ops', 'parallelism', 'constraints']);
    expect(jsonSchemaFor('plan').required).toEqual(['version', 'workload', 'hardware']);
    const hw = props('plan').hardware;
    expect(hw.additionalProperties).toBe(false);
    expect(Object.keys(hw.properties as object)).toEqual(expect.arrayContaining(
      ['name', 'accelerators', 'node_count', 'accelerators_per_node', 'nodes', 'intra_node_bw', 'fabric_bandwidth', 'precision', 'efficiency']));
    expect((props('plan').workload.properties as Record<string, unknown>).batch_size).toMatchObject({ type: 'integer', minimum: 1 });
  });

  it('scenario: model, hardware, system, region, mode, ops, layout, overrides, pins, asserts, sweeps', () => {
    expect(Object.keys(props('scenario'))).toEqual(expect.arrayContaining(
      ['model', 'hardware', 'system', 'region', 'mode', 'ops', 'layout', 'overrides', 'pins', 'asserts', 'sweeps']));
    expect(props('scenario').mode).toMatchObject({ enum: ['inference', 'serving', 'training'] });
    expect(JSON.stringify(props('scenario').hardware)).toContain('memory_bandwidth_gbs');
  });

  it('workbook, hardware and model have their top-level properties', () => {
    expect(Object.keys(props('workbook'))).toEqual(
      ['schema_version', 'id', 'name', 'created', 'updated', 'scenarios', 'sweeps', 'notes', 'active_scenario_id', 'lesson']);
    expect(Object.keys(props('hardware'))).toEqual(expect.arrayContaining(['id', 'peak_tflops', 'memory_capacity_gb']));
    expect(Object.keys(props('model'))).toEqual(expect.arrayContaining(['id', 'params', 'layers', 'hidden_dim']));
  });

  it('layout cells: the schema\'s LAYOUT_CELLS hold tp, pp, ep and cp (every mode) and every cell the training search varies; a plan\'s parallelism takes each of them', () => {
    expect([...LAYOUT_CELLS].sort()).toEqual([...TRAINING_LAYOUT_CELLS].sort());
    expect(LAYOUT_CELLS).toEqual(expect.arrayContaining([...REPLICA_LAYOUT_CELLS]));
    expect(REPLICA_LAYOUT_CELLS).toContain('communication.cp');
    const parallelism = props('plan').parallelism.properties as Record<string, Record<string, unknown>>;
    expect(Object.keys(parallelism).sort()).toEqual(LAYOUT_CELLS.map((id) => id.replace('communication.', '')).sort());
    expect(parallelism.cp).toMatchObject({ type: 'integer', minimum: 1 });
  });
});
