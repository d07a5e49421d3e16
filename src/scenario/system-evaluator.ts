/**
 * `SystemEvaluator` — the seed's Python API in TypeScript:
 *
 * ```ts
 * import { Hardware, Models, SystemEvaluator } from 'mlsysim';
 * const r = SystemEvaluator.evaluate({ name: 'Llama-3 8B on H100', model: Models.Language.Llama3_8B,
 *   hardware: Hardware.Cloud.H100, batchSize: 32, precision: 'fp16', efficiency: 0.45 });
 * console.log(r.scorecard());            // the scorecard `mlsysim eval` prints
 * r.metric('performance.latency');       // 1.23 (ms, the display unit of physics §11.2)
 * ```
 *
 * The flags map to the cells `mlsysim eval MODEL HARDWARE --batch-size … --precision …
 * --efficiency … --seq-len …` sets (physics.md §11.4), so the library and the CLI give the same
 * numbers for the same question.
 */
import type { Plain } from '../graph/index.js';
import { registry as builtIn, type Registry } from '../registry/index.js';
import { evaluate, type EvaluateOptions, type Evaluation } from './evaluate.js';
import type { BuiltScenario } from './build.js';
import { type FlatValue, flatResult, markdownScorecard, textScorecard } from './render.js';
import { systemOfDevices } from './devices-system.js';
import { ScenarioInputError } from './errors.js';
import type { AssertSpec } from './metrics.js';
import type { CustomHardware, CustomModel, FleetInput, OverrideValue, ScenarioMode } from './schema.js';

/** A catalogue entry (`Models.Language.Llama3_8B`) or anything else with an id. */
interface WithId {
  readonly id: string;
}

export interface SystemSpec {
  /** Label printed in the scorecard's title; default "MODEL on HARDWARE". */
  readonly name?: string;
  /** A catalogue model (`Models.Language.Llama3_8B`), its id, or a custom model map. */
  readonly model: string | WithId | CustomModel;
  /** A catalogue device (`Hardware.Cloud.H100`), its id, or a custom device map. */
  readonly hardware: string | WithId | CustomHardware;
  /** A cluster or node id, or a fleet map (node_count × accelerators_per_node …). */
  readonly system?: string | FleetInput;
  readonly mode?: ScenarioMode;
  /** Grid region id (physics §1.5 default US_Avg). */
  readonly region?: string;
  /** `--batch-size`: scenario.batch_size. */
  readonly batchSize?: number;
  /** `--precision`: scenario.precision (fp32, bf16, fp16, fp8, int8, int4, fp4). */
  readonly precision?: string;
  /** `--efficiency`: scenario.efficiency (0 < η ≤ 1). */
  readonly efficiency?: number;
  /** `--seq-len`: scenario.context_len. */
  readonly seqLen?: number;
  /** `--gpus`: N devices of `hardware`, in nodes of its catalogue node (instead of `system`). */
  readonly gpus?: number;
  /** `--tp`, `--pp`, `--ep`, `--cp`: communication.tp … (unset: searched when the model is split). */
  readonly tp?: number;
  readonly pp?: number;
  readonly ep?: number;
  readonly cp?: number;
  /** Operations (activates the Macro lens), e.g. `{ duration_days: 14 }`. */
  readonly ops?: { readonly duration_days: number };
  /** Any input cell by id, as `--set` (strings may carry units: `'4 TB/s'`). */
  readonly overrides?: Readonly<Record<string, OverrideValue>>;
  readonly asserts?: readonly AssertSpec[];
}

/** The result of `SystemEvaluator.evaluate`: the evaluation plus the views the CLI prints. */
export class SystemEvaluation {
  constructor(
    readonly evaluation: Evaluation,
    readonly built: BuiltScenario,
  ) {}

  /** The 3-lens scorecard and the 22-wall board as `mlsysim eval` prints them. */
  scorecard(format: 'text' | 'markdown' = 'text'): string {
    return format === 'markdown' ? markdownScorecard(this.evaluation) : textScorecard(this.evaluation);
  }

  /** mlsysim's flat JSON keys (`macro.tco_usd` …), as `mlsysim --output json eval` writes them. */
  toJSON(): Record<string, FlatValue> {
    return flatResult(this.evaluation);
  }

  /** A scorecard metric in its display unit (`performance.latency` in ms), or undefined if it is an error. */
  metric(key: string): Plain | undefined {
    const [lens, name] = key.split('.');
    const card = this.evaluation.card;
    const l = lens === 'feasibility' ? card.feasibility : lens === 'performance' ? card.performance : lens === 'macro' ? card.macro : undefined;
    return l?.metrics[name]?.value;
  }

  /** Any cell's value in SI units (undefined when it holds an error). */
  value(cellId: string): Plain | undefined {
    return this.built.graph.value(cellId);
  }

  /** 0 ok, 1 bad input, 2 infeasible, 3 an assert is violated (as the CLI exits). */
  get exitCode(): Evaluation['exit_code'] {
    return this.evaluation.exit_code;
  }
}

/** A catalogue entry object stands for its id; other maps are custom entries. */
function idOrMap<T>(x: string | WithId | T, kind: 'model' | 'hardware', reg: Registry): string | T {
  if (typeof x === 'string') return x;
  const id = (x as Partial<WithId>).id;
  if (typeof id === 'string' && reg.has(kind, id) && reg.lookup(kind, id) === x) return id;
  return x as T;
}

/** The flags → cells of physics §11.4, as the CLI's flag mode sets them. */
function flagOverrides(s: SystemSpec): Record<string, OverrideValue> {
  const out: Record<string, OverrideValue> = {};
  if (s.batchSize !== undefined) out['scenario.batch_size'] = s.batchSize;
  if (s.precision !== undefined) out['scenario.precision'] = s.precision;
  if (s.efficiency !== undefined) out['scenario.efficiency'] = s.efficiency;
  if (s.seqLen !== undefined) out['scenario.context_len'] = s.seqLen;
  for (const k of ['tp', 'pp', 'ep', 'cp'] as const) if (s[k] !== undefined) out[`communication.${k}`] = s[k];
  return { ...out, ...s.overrides };
}

/** `system`, or the system of `gpus` devices of the hardware (devices-system.ts); its warning goes to `warnings`. */
function systemOf(s: SystemSpec, hardware: unknown, reg: Registry, warnings: string[]): string | FleetInput | undefined {
  if (s.gpus === undefined) return s.system;
  if (s.system !== undefined) throw ScenarioInputError.at('gpus', 'applies to a device; system already names the devices');
  if (!(Number.isInteger(s.gpus) && s.gpus >= 1)) throw ScenarioInputError.at('gpus', `must be an integer ≥ 1 (got ${s.gpus})`);
  const device = typeof hardware === 'string' ? hardware : 'the custom device';
  const r = systemOfDevices(device, s.gpus, typeof hardware === 'string', reg);
  if (!r.ok) throw ScenarioInputError.at('gpus', r.problem);
  if (r.warning) warnings.push(r.warning);
  return r.system;
}

export const SystemEvaluator = {
  /** Builds and evaluates the system. Bad input throws ScenarioInputError naming the field. */
  evaluate(spec: SystemSpec, options: EvaluateOptions = {}): SystemEvaluation {
    const reg = options.registry ?? builtIn();
    const hardware = idOrMap(spec.hardware, 'hardware', reg);
    const notes: string[] = [];
    const system = systemOf(spec, hardware, reg, notes);
    const scenario = {
      ...(spec.name !== undefined ? { name: spec.name } : {}),
      model: idOrMap(spec.model, 'model', reg),
      hardware,
      ...(system !== undefined ? { system } : {}),
      ...(spec.mode !== undefined ? { mode: spec.mode } : {}),
      ...(spec.region !== undefined ? { region: spec.region } : {}),
      ...(spec.ops !== undefined ? { ops: spec.ops } : {}),
      ...(spec.asserts !== undefined ? { asserts: spec.asserts } : {}),
      overrides: flagOverrides(spec),
    };
    const r = evaluate(scenario, options);
    return new SystemEvaluation(notes.length ? { ...r, warnings: [...notes, ...r.warnings] } : r, r.built);
  },
};
