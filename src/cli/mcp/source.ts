/**
 * The scenario of an mcp tool call: a plan (or scenario document) given as YAML or JSON text,
 * or a model and a device — the CLI's PLAN.yaml and MODEL HARDWARE — plus the CLI's scenario
 * flags as typed fields, built from the scenario schema's own field rules (src/scenario/fields.ts,
 * schema.ts), so their JSON Schema comes from the one schema source.
 *
 * Both go through the CLI's own resolveSource, flags as the text commander would have handed it:
 * a plan's text is written to a file of its own (plan.yaml in a fresh temporary directory) and
 * read as `mlsysim eval plan.yaml` reads it, so a tool call and the command line cannot read a
 * scenario differently.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { MODES, type ScenarioMode } from '../../scenario/index.js';
import { count, entryId, num, oneOf, ruleError, text } from '../../scenario/fields.js';
import type { ResolveSource, ScenarioFlags } from '../command.js';
import { CliError } from '../errors.js';
import { resolveSource } from '../source.js';

/** --set's values: numbers are SI, text may carry a unit. */
const setValue = z.union([z.number(), z.string(), z.boolean()], { error: ruleError('a number, text (optionally with a unit) or true/false') });

/** The scenario fields of every scenario tool; a field without a description gets its CLI flag's help (tools.ts). */
export const scenarioFields = {
  plan: text().optional().describe('A plan (mlsys.yaml) or scenario document as YAML or JSON text, instead of model and hardware; ' +
    'read as `mlsysim <command> plan.yaml` reads a file. Its JSON Schema: the schema tool (type plan or scenario).'),
  model: text().optional().describe('Catalogue model id (the zoo tool lists them, e.g. Llama3_8B), or the path of a model file or Hugging Face config.json'),
  hardware: text().optional().describe('Catalogue hardware id (e.g. H100, or a node or cluster id), or the path of a device file'),
  batch_size: count().optional(),
  precision: text().optional(),
  efficiency: num({ gt: 0 }).optional(),
  seq_len: count().optional(),
  mode: oneOf(MODES).optional(),
  region: entryId().optional(),
  gpus: count().optional(),
  tp: count().optional(),
  pp: count().optional(),
  ep: count().optional(),
  cp: count().optional(),
  set: z.record(text(), setValue, { error: ruleError('a map from cell id to value') }).optional()
    .describe('Any input cell by id → value, as --set CELL=VALUE does (also region, ops.region, ops.duration_days): {"hardware.memory_bandwidth": "4TB/s"}'),
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
  /** --gpus N and the layout flags --tp/--pp/--ep/--cp. */
  readonly gpus?: number;
  readonly tp?: number;
  readonly pp?: number;
  readonly ep?: number;
  readonly cp?: number;
  readonly set?: Readonly<Record<string, number | string | boolean>>;
}

/** A number field as the text commander would hand the command. */
export const flagText = (v: number | undefined): string | undefined => (v === undefined ? undefined : String(v));

/** The scenario flags as commander would have parsed them from the command line. */
function scenarioFlags(input: ScenarioInput): ScenarioFlags {
  return {
    batchSize: flagText(input.batch_size), precision: input.precision, efficiency: flagText(input.efficiency),
    seqLen: flagText(input.seq_len), mode: input.mode, region: input.region, prefillChunkTokens: flagText(input.prefill_chunk_tokens),
    gpus: flagText(input.gpus), tp: flagText(input.tp), pp: flagText(input.pp), ep: flagText(input.ep), cp: flagText(input.cp),
    set: input.set && Object.entries(input.set).map(([cell, value]) => `${cell}=${String(value)}`),
  };
}

/** resolveSource on a plan given as text: the text in plan.yaml of a fresh directory, removed after reading. */
function planSource(planText: string, flags: ScenarioFlags, command: string, forceMode?: ScenarioMode): ReturnType<typeof resolveSource> {
  const dir = mkdtempSync(join(tmpdir(), 'mlsysim-mcp-'));
  try {
    const path = join(dir, 'plan.yaml');
    writeFileSync(path, planText);
    return resolveSource([path], flags, command, forceMode);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Where the tool's scenario comes from: exactly one of plan, or model and hardware. */
export function sourceOf(tool: string, input: ScenarioInput): ResolveSource {
  return (command, forceMode) => {
    const { plan, model, hardware } = input;
    if (plan !== undefined) {
      if (model !== undefined || hardware !== undefined) throw new CliError('Bad arguments', `${tool}: give plan, or model and hardware, not both`);
      return planSource(plan, scenarioFlags(input), command, forceMode);
    }
    if (model === undefined || hardware === undefined) {
      const got = [model !== undefined && 'model', hardware !== undefined && 'hardware'].filter(Boolean);
      throw new CliError('Bad arguments', `${tool} needs plan (YAML or JSON text), or model and hardware (got ${got.join(', ') || 'neither'})`);
    }
    return resolveSource([model, hardware], scenarioFlags(input), command, forceMode);
  };
}
