/**
 * The scenario of an mcp tool call: a plan (or scenario document) given as YAML or JSON text,
 * or a model and a device — the CLI's PLAN.yaml and MODEL HARDWARE — plus the CLI's scenario
 * flags as typed fields. The fields are built from the scenario schema's own field rules
 * (src/scenario/fields.ts, schema.ts), so their JSON Schema comes from the one schema source.
 */
import { MODES, overridesSchema, type OverrideValue, type ScenarioMode } from '../../scenario/index.js';
import { count, entryId, num, oneOf, text } from '../../scenario/fields.js';
import { loadDocumentText } from '../../scenario/yaml-text.js';
import type { ResolveSource, ScenarioFlags } from '../command.js';
import { CliError } from '../errors.js';
import { resolveSource } from '../source.js';

/** The scenario fields of every scenario tool; a field without a description gets its CLI flag's help (tools.ts). */
export const scenarioFields = {
  plan: text().optional().describe('A plan (mlsys.yaml) or scenario document as YAML or JSON text, instead of model and hardware. ' +
    'Its JSON Schema: the schema tool (type plan or scenario).'),
  model: text().optional().describe('Catalogue model id (the zoo tool lists them, e.g. Llama3_8B), or the path of a model file or Hugging Face config.json'),
  hardware: text().optional().describe('Catalogue hardware id (e.g. H100), or the path of a device file'),
  batch_size: count().optional(),
  precision: text().optional(),
  efficiency: num({ gt: 0 }).optional(),
  seq_len: count().optional(),
  mode: oneOf(MODES).optional(),
  region: entryId().optional(),
  set: overridesSchema.optional().describe('Any input cell by id → value (the CLI\'s --set); numbers are SI, text may carry a unit: {"hardware.memory_bandwidth": "4TB/s"}'),
};

/** The scenario part of a tool's arguments (serve: no mode, but prefill_chunk_tokens). */
export interface ScenarioInput {
  readonly plan?: string;
  readonly model?: string;
  readonly hardware?: string;
  readonly batch_size?: number;
  readonly precision?: string;
  readonly efficiency?: number;
  readonly seq_len?: number;
  readonly mode?: ScenarioMode;
  readonly region?: string;
  readonly prefill_chunk_tokens?: number;
  readonly set?: Readonly<Record<string, OverrideValue>>;
}

/** A number field as the text commander would hand the command. */
export const flagText = (v: number | undefined): string | undefined => (v === undefined ? undefined : String(v));

/** The scenario flags as commander would have parsed them from the command line, so the command's own checks run. */
function scenarioFlags(input: ScenarioInput): ScenarioFlags {
  return {
    batchSize: flagText(input.batch_size), precision: input.precision, efficiency: flagText(input.efficiency),
    seqLen: flagText(input.seq_len), mode: input.mode, region: input.region, prefillChunkTokens: flagText(input.prefill_chunk_tokens),
  };
}

/** The flags that describe a model on a device, refused with a plan (as resolveSource refuses them with PLAN.yaml). */
const MODEL_HARDWARE_FLAGS = ['batch_size', 'precision', 'efficiency', 'seq_len', 'region', 'prefill_chunk_tokens'] as const;

/**
 * A plan or scenario document given as text, read as resolveSource reads PLAN.yaml: a forced or
 * chosen mode replaces the document's, and a layout only applies to training.
 */
function planSource(planText: string, mode: ScenarioMode | undefined): ReturnType<typeof resolveSource> {
  const doc = loadDocumentText(planText);
  const scenario: Record<string, unknown> = { ...doc.scenario, ...(mode ? { mode } : {}) };
  if (mode && mode !== 'training') delete scenario.layout;
  return { scenario, options: { overrides: {} }, warnings: doc.warnings, kind: doc.kind };
}

/**
 * Where the tool's scenario comes from: exactly one of plan, or model and hardware. With a plan
 * only `set` and `mode` apply, as on the command line; `set` is applied after the scenario's
 * own overrides, like --set.
 */
export function sourceOf(tool: string, input: ScenarioInput): ResolveSource {
  return (command, forceMode) => {
    const { plan, model, hardware, set } = input;
    let src: ReturnType<typeof resolveSource>;
    if (plan !== undefined) {
      if (model !== undefined || hardware !== undefined) throw new CliError('Bad arguments', `${tool}: give plan, or model and hardware, not both`);
      const given = MODEL_HARDWARE_FLAGS.filter((k) => input[k] !== undefined);
      if (given.length) throw new CliError('Bad arguments', `${tool}: ${given.join(', ')} apply to model and hardware; with a plan use set {cell: value}`);
      src = planSource(plan, forceMode ?? input.mode);
    } else if (model === undefined || hardware === undefined) {
      const got = [model !== undefined && 'model', hardware !== undefined && 'hardware'].filter(Boolean);
      throw new CliError('Bad arguments', `${tool} needs plan (YAML or JSON text), or model and hardware (got ${got.join(', ') || 'neither'})`);
    } else {
      src = resolveSource([model, hardware], scenarioFlags(input), command, forceMode);
    }
    return set ? { ...src, options: { ...src.options, overrides: { ...src.options.overrides, ...set } } } : src;
  };
}
