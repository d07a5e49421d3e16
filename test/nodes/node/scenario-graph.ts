/**
 * Scenario graphs for the walls A, 1–3 tests: the foundation factories (scenario, hardware,
 * workload, walls 1–3) built for a catalogue literal of test/nodes/fixtures.ts, with a golden
 * case's flags and overrides applied.
 */
import { expect } from 'vitest';
import { type CellDef, LiveGraph, type Plain } from '../../../src/graph/index.js';
import { commonCells } from '../../../src/nodes/common/index.js';
import type { DeviceSpec, Mode, ModelSpec } from '../../../src/nodes/context.js';
import { nodeWallCells } from '../../../src/nodes/node/index.js';
import { workloadCells } from '../../../src/nodes/workload/index.js';
import { expectClose, type GoldenCase } from '../../helpers/golden.js';
import { A100, context, DEEPSEEK_V3, ESP32_S3, GPT4, H100, LLAMA3_70B, LLAMA3_8B, RESNET50_CATALOGUE } from '../fixtures.js';

export const MODELS: Record<string, ModelSpec> = {
  Llama3_8B: LLAMA3_8B, Llama3_70B: LLAMA3_70B, DeepSeek_V3: DEEPSEEK_V3, GPT4, ResNet50: RESNET50_CATALOGUE,
};
export const DEVICES: Record<string, DeviceSpec> = { H100, A100, ESP32_S3 };

/** The cells of walls A, 1–3 with their shared inputs (no other wall). */
export function foundationDefs(mode: Mode, model: ModelSpec = LLAMA3_8B, device: DeviceSpec = H100): CellDef[] {
  const ctx = context(mode, model, device);
  return [...commonCells(ctx), ...workloadCells(ctx), ...nodeWallCells(ctx)];
}

export function foundationGraph(mode: Mode, model: ModelSpec = LLAMA3_8B, device: DeviceSpec = H100, values: Record<string, Plain> = {}): LiveGraph {
  const g = new LiveGraph(foundationDefs(mode, model, device));
  const outcomes = g.setMany(values);
  for (const o of outcomes) if (!o.ok) throw new Error(o.message);
  return g;
}

/** CLI flags of a golden scenario case → input cells (seq_len is the inference context). */
const FLAG_CELLS: Record<string, string> = {
  batch_size: 'scenario.batch_size', precision: 'scenario.precision', efficiency: 'scenario.efficiency', seq_len: 'scenario.context_len',
};

export function goldenGraph(c: GoldenCase): LiveGraph {
  const inputs = c.inputs as { model: string; hardware: string; mode: Mode; flags?: Record<string, Plain>; overrides?: Record<string, Plain> };
  const values: Record<string, Plain> = {};
  for (const [flag, v] of Object.entries(inputs.flags ?? {})) values[FLAG_CELLS[flag]] = v;
  Object.assign(values, inputs.overrides ?? {});
  return foundationGraph(inputs.mode, MODELS[inputs.model], DEVICES[inputs.hardware], values);
}

/** A cell's number (fails the test when the cell is an error). */
export function value(g: LiveGraph, id: string): Plain {
  const v = g.get(id);
  if (!v.ok) throw new Error(`${id} is an error: ${v.error.message}`);
  return v.value;
}

/**
 * Checks every expected key that is a cell of the graph; returns the keys it could not check
 * (scorecard display keys and exit codes belong to other layers).
 */
export function checkExpectedCells(g: LiveGraph, c: GoldenCase): string[] {
  const skipped: string[] = [];
  for (const [key, want] of Object.entries(c.expected)) {
    if (!g.has(key)) {
      skipped.push(key);
      continue;
    }
    expectClose(value(g, key), want, c.tolerance_rel, `${c.id} ${key}`);
  }
  return skipped;
}

/** The board statuses of walls 1–3 a case lists. */
export function checkWallStatuses(g: LiveGraph, c: GoldenCase): void {
  const scopes: Record<string, string> = { '1': 'compute', '2': 'memory', '3': 'software' };
  const statuses = (c.expected_board?.wall_status ?? {}) as Record<string, string>;
  for (const [wall, want] of Object.entries(statuses)) {
    if (scopes[wall]) expect(value(g, `${scopes[wall]}.status`), `${c.id} wall ${wall}`).toBe(want);
  }
}
