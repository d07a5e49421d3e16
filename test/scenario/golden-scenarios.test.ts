/**
 * Every golden case of kind "scenario" (test/fixtures/golden/cases.json) evaluated through the
 * library: built from its model / hardware / mode / flags and overrides (or its plan with the
 * overrides as `--set`), then every expected key checked — cell ids in SI via cellReport, flat
 * scorecard keys via flatResult, exit_code, the board (wall statuses, binding wall and share),
 * `cell=value` error kinds, and wall 21's elasticities.
 *
 * Coverage: all 24 scenario cases. Three are partly CLI behaviour; they are checked at the
 * library boundary the CLI maps to exit code 1 (a thrown ScenarioInputError), and the CLI's
 * own rendering is left to test/cli:
 *   - ref.cli_unknown_hardware: `status: "error"` is the CLI's JSON error object; here the
 *     unknown id H999 throws ScenarioInputError (exit 1).
 *   - ref.plan_schema_validation: each plan throws ScenarioInputError when loaded (exit 1).
 *   - ref.cli_eval_flag_mode_json: `eval Llama3_8B H100` is the scenario {model, hardware}
 *     with every default (B = 1, fp16, η 0.5, x = 2048).
 */
import { describe, expect, it } from 'vitest';
import { ERROR_KINDS, type LiveGraph } from '../../src/graph/index.js';
import {
  cellReport, evaluate, type Evaluation, flatResult, type OverrideValue, type Scenario, ScenarioInputError,
} from '../../src/scenario/index.js';
import { loadPlanText } from '../../src/scenario/yaml-text.js';
import { expectClose, type GoldenCase, goldenCases } from '../helpers/golden.js';

type Overrides = Record<string, OverrideValue>;
interface Inputs {
  model?: string; hardware?: string; mode?: Scenario['mode']; flags?: Overrides; base?: Overrides;
  overrides?: Overrides; plan_yaml?: string; plans?: string[]; argv?: string[];
}
interface Run { readonly e: Evaluation; readonly graph: LiveGraph }

const FLAG_CELLS: Record<string, string> = {
  batch_size: 'scenario.batch_size', precision: 'scenario.precision', efficiency: 'scenario.efficiency', seq_len: 'scenario.context_len',
};

/** The case as a scenario plus the `--set` overrides applied on top. */
function scenarioOf(c: GoldenCase): { scenario: Scenario; set: Overrides } {
  const i = c.inputs as Inputs;
  if (i.plan_yaml) return { scenario: loadPlanText(i.plan_yaml).scenario, set: i.overrides ?? {} };
  // Flag mode without flags (`eval Llama3_8B H100`): model and hardware from argv.
  const model = i.model ?? i.argv?.[1];
  const hardware = i.hardware ?? i.argv?.[2];
  if (!model || !hardware) throw new Error(`${c.id}: no model`);
  const flags = Object.fromEntries(Object.entries(i.flags ?? i.base ?? {}).map(([k, v]) => [FLAG_CELLS[k], v]));
  return { scenario: { model, hardware, ...(i.mode ? { mode: i.mode } : {}), overrides: { ...flags, ...(i.overrides ?? {}) } }, set: {} };
}

function run(c: GoldenCase, sensitivity = false): Run {
  const { scenario, set } = scenarioOf(c);
  const e = evaluate(scenario, { overrides: set, sensitivity });
  return { e, graph: e.built.graph };
}

const isErrorKind = (v: unknown): v is string => typeof v === 'string' && (ERROR_KINDS as readonly string[]).includes(v);
const FLAT = /^(f|p|m)_|^scenario$|^status$/;

function checkCell(graph: LiveGraph, id: string, want: unknown, tol: number): void {
  const report = cellReport(graph)[id];
  expect(report, `${id} is a cell`).toBeDefined();
  if (isErrorKind(want)) {
    expect('kind' in report ? report.kind : 'a value', id).toBe(want);
    return;
  }
  expect('error' in report ? report.error : '', id).toBe('');
  if ('value' in report) expectClose(report.value, want, tol, id);
}

/** `cell=value`: that input alone set to the value must be an error of the given kind. */
function checkAssignment(c: GoldenCase, key: string, want: string): void {
  const [cell, raw] = key.split('=');
  const value: OverrideValue = Number.isFinite(Number(raw)) ? Number(raw) : raw;
  const { graph } = run(c);
  graph.set(cell, value);
  const v = graph.get(cell);
  expect(v.ok ? 'a value' : v.error.kind, key).toBe(want);
}

/** A bare spec name (memory_bandwidth) → its input id; peak_flops is the precision's table entry. */
function inputFor(ids: readonly string[], bare: string, precision: string): string {
  const name = bare === 'peak_flops' ? `peak_flops_${precision}` : bare;
  const hits = ids.filter((id) => id.endsWith(`.${name}`));
  expect(hits, `exactly one input named ${name}`).toHaveLength(1);
  return hits[0];
}

function checkSensitivity(r: Run, c: GoldenCase): void {
  const s = r.e.sensitivity!;
  expect(s.error).toBeUndefined();
  const precision = String(r.graph.value('scenario.precision'));
  const ids = s.entries.map((x) => x.input);
  for (const [key, want] of Object.entries(c.expected)) {
    if (key === 'sensitivity.elasticities') {
      for (const [bare, value] of Object.entries(want as Record<string, number>)) {
        const got = s.entries.find((x) => x.input === inputFor(ids, bare, precision))!;
        // Zero elasticities compare absolutely (README: 1e-9).
        if (value === 0) expect(Math.abs(got.value ?? NaN), bare).toBeLessThanOrEqual(1e-9);
        else expectClose(got.value, value, c.tolerance_rel, bare);
      }
    } else if (key === 'sensitivity.binding_constraint') {
      expect(s.binding, key).toBe(inputFor(ids, String(want), precision));
    } else if (key === 'sensitivity.baseline_value') {
      expectClose(s.baseline, want, c.tolerance_rel, key);
    } else if (key === 'sensitivity.perturbation') {
      expectClose(s.perturbation, want, c.tolerance_rel, key);
    }
  }
}

function checkBoard(e: Evaluation, board: Record<string, unknown>, tol: number): void {
  const statuses = (board.wall_status ?? {}) as Record<string, string>;
  for (const [wall, status] of Object.entries(statuses)) {
    expect(e.walls.find((w) => w.wall === Number(wall))?.status, `wall ${wall}`).toBe(status);
  }
  if ('binding_wall' in board) {
    expect(e.binding_wall).toBe(board.binding_wall);
    expect(e.walls.filter((w) => w.binding).map((w) => w.wall)).toEqual([board.binding_wall]);
  }
  if ('binding_share' in board) expectClose(e.binding_share, board.binding_share, tol, 'binding_share');
}

/** Cases whose input is rejected before evaluation (exit 1 at the library boundary). */
const REJECTED: Record<string, (c: GoldenCase) => void> = {
  'ref.cli_unknown_hardware': (c) => {
    expect(c.expected).toEqual({ exit_code: 1, status: 'error' });
    expect(() => run(c)).toThrow(ScenarioInputError);
    expect(() => run(c)).toThrow(/H999/);
  },
  'ref.plan_schema_validation': (c) => {
    const plans = (c.inputs as Inputs).plans!;
    for (const [key, code] of Object.entries(c.expected)) {
      const name = /\[(.*)\]/.exec(key)![1];
      const text = plans.find((p) => p.includes(`name: "${name}"`))!;
      expect(code).toBe(1);
      expect(() => loadPlanText(text), name).toThrow(ScenarioInputError);
    }
  },
};

const scenarioCases = goldenCases().filter((c) => c.kind === 'scenario');

describe('golden scenario cases evaluate to their expected values', () => {
  it('all 24 scenario cases are here', () => {
    expect(scenarioCases).toHaveLength(24);
  });

  for (const c of scenarioCases) {
    it(`${c.id}: ${c.derivation.slice(0, 80)}`, () => {
      const rejected = REJECTED[c.id];
      if (rejected) return rejected(c);
      const wantsSensitivity = 'sensitivity.elasticities' in c.expected;
      const r = run(c, wantsSensitivity);
      const flat = flatResult(r.e);
      for (const [key, want] of Object.entries(c.expected)) {
        if (key.startsWith('sensitivity.')) continue;
        if (key === 'exit_code') expect(r.e.exit_code, `${key} (${r.e.input_error ?? ''})`).toBe(want);
        else if (key.includes('=')) checkAssignment(c, key, want as string);
        else if (FLAT.test(key)) expectClose(flat[key], want, c.tolerance_rel, key);
        else checkCell(r.graph, key, want, c.tolerance_rel);
      }
      if (wantsSensitivity) checkSensitivity(r, c);
      if (c.expected_board) checkBoard(r.e, c.expected_board, c.tolerance_rel);
    });
  }
});
