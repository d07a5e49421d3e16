/**
 * The scenario a command works on: a plan or scenario file (PLAN.yaml), or MODEL HARDWARE in
 * flag mode (§11.4: inference on one device, context 2048; flags map to scenario cells).
 * MODEL may be a catalogue id, a custom model file or a Hugging Face config.json; HARDWARE a
 * catalogue id or a custom device file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseQuantity, UnitError } from '../graph/index.js';
import { createRegistry, modelFromHfConfig, registry, type Registry } from '../registry/index.js';
import { type BuildOptions, type OverrideValue, PLAN_CELLS, ScenarioInputError, type ScenarioMode } from '../scenario/index.js';
import { loadDocumentText, parseText } from '../scenario/yaml-text.js';
import { numberFlag, parseSets } from './args.js';
import { CliError } from './errors.js';
import { profileSets } from './profile.js';
import { systemOfDevices } from '../scenario/devices-system.js';
import type { FleetInput } from '../scenario/schema.js';

/** The scenario flags of eval / serve (commander's camel-cased option names). */
export interface ScenarioFlags {
  readonly batchSize?: string;
  readonly precision?: string;
  readonly efficiency?: string;
  readonly seqLen?: string;
  readonly mode?: ScenarioMode;
  readonly region?: string;
  readonly prefillChunkTokens?: string;
  readonly set?: string[];
  /** --gpus N: N devices of HARDWARE, in nodes of its catalogue node; --tp/--pp/--ep/--cp: the layout. */
  readonly gpus?: string;
  readonly tp?: string;
  readonly pp?: string;
  readonly ep?: string;
  readonly cp?: string;
  /** --profile FILE: a device profile from mlsysim calibrate --save; its fitted cells sit below --set. */
  readonly profile?: string;
}

interface Source {
  /** The scenario document (validated by buildScenario / evaluate). */
  readonly scenario: Record<string, unknown>;
  /** --set overrides and, for a Hugging Face model, the registry holding it. */
  readonly options: BuildOptions;
  readonly warnings: readonly string[];
  readonly kind: 'plan' | 'scenario' | 'flags';
}

const DOCUMENT = /\.(ya?ml|json)$/i;

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function readText(path: string, what: string): string {
  if (!existsSync(path)) throw new CliError('Missing file', `${what} file '${path}' does not exist`);
  if (!isFile(path)) throw new CliError('Missing file', `${what} '${path}' is not a file`);
  return readFileSync(path, 'utf8');
}

/** A JSON or YAML file; a syntax error names the line, the parser's message and the line itself. */
function parseFile(path: string, what: string): unknown {
  const text = readText(path, what);
  try {
    return parseText(text, `${what} file`, path);
  } catch (e) {
    if (e instanceof ScenarioInputError) throw new CliError(`Invalid ${what} file`, e.message);
    throw e;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A path-looking argument (catalogue ids have no slash and no document extension). */
const looksLikePath = (arg: string) => arg.includes('/') || arg.includes('\\') || DOCUMENT.test(arg);

/** Keys only a Hugging Face config.json has (a model file in the catalogue's spelling has `id` and `params`). */
const HF_KEYS = ['architectures', 'model_type', 'transformers_version', '_name_or_path', 'hidden_size', 'num_hidden_layers', 'text_config', 'n_embd', 'n_layer'];
const isHfConfig = (data: Record<string, unknown>) => HF_KEYS.some((k) => k in data) && !('id' in data && 'params' in data);

/** `eval PLAN.yaml H100`: a plan or scenario already names its hardware. */
function refuseDocumentAsModel(arg: string, data: Record<string, unknown>, hardware: string): void {
  const plan = 'workload' in data;
  if (!plan && !('model' in data && 'hardware' in data)) return;
  const hw = plan ? (isObject(data.hardware) ? data.hardware.name : undefined) : data.hardware;
  const named = typeof hw === 'string' ? ` (${plan ? 'hardware.name' : 'hardware'}: ${hw})` : '';
  throw new CliError('Bad arguments', `${arg} is a ${plan ? 'plan' : 'scenario'} and already names its hardware${named}; ` +
    `run it alone (mlsysim eval ${arg}), and to use ${hardware} change ${plan ? 'hardware.name' : 'hardware'} in the file`);
}

/** MODEL: catalogue id, Hugging Face config.json (→ a registry holding it) or custom model document. */
function modelArg(arg: string, hardware: string): { model: unknown; registry?: Registry } {
  if (!isFile(arg) && !looksLikePath(arg)) return { model: arg };
  const data = parseFile(arg, 'model');
  if (isObject(data)) refuseDocumentAsModel(arg, data, hardware);
  if (isObject(data) && isHfConfig(data)) {
    let m = modelFromHfConfig(data);
    const stem = basename(arg).replace(/(\.config)?\.json$/i, '');
    if (m.id.endsWith('_import') && stem !== 'config') m = modelFromHfConfig(data, { id: stem.replace(/[^A-Za-z0-9_.-]+/g, '_') });
    if (registry().has('model', m.id)) m = modelFromHfConfig(data, { id: `${m.id}_hf` });
    return { model: m.id, registry: createRegistry([m]) };
  }
  if (!isObject(data)) throw new CliError('Invalid model file', `${arg} must hold a model map (catalogue spelling) or a Hugging Face config.json`);
  return { model: data };
}

/** HARDWARE: a device id, a cluster or node id (that system with its device), or a device file. */
function hardwareArg(arg: string): { hardware: unknown; system?: string } {
  if (!isFile(arg) && !looksLikePath(arg)) {
    const reg = registry();
    if (reg.has('hardware', arg)) return { hardware: arg };
    if (reg.has('cluster', arg)) return { hardware: reg.resolveCluster(arg).device.id, system: arg };
    if (reg.has('node', arg)) return { hardware: reg.lookup('node', arg).accelerator, system: arg };
    return { hardware: arg };
  }
  const data = parseFile(arg, 'hardware');
  if (!isObject(data)) throw new CliError('Invalid hardware file', `${arg} must hold a device map (catalogue spelling)`);
  return { hardware: data };
}

/** `--set` keys that are scenario fields in the plan's spelling, not cells. */
const FIELD_SETS = ['region', 'ops.region', 'ops.duration_days'];

/** --set region=…, ops.region=…, ops.duration_days=… (days, or a duration such as 14d or 2500 h) → scenario fields. */
function fieldSets(sets: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of FIELD_SETS) {
    const v = sets[key];
    if (v === undefined) continue;
    delete sets[key];
    if (key !== 'ops.duration_days') {
      out.region = v;
      continue;
    }
    let days: number;
    try {
      days = parseQuantity(v, 'day');
    } catch (e) {
      if (!(e instanceof UnitError)) throw e;
      throw new CliError('Bad flag value', `--set ops.duration_days must be days or a duration such as 14d or 2500 h (got '${v}': ${e.message})`);
    }
    if (!(Number.isFinite(days) && days > 0)) throw new CliError('Bad flag value', `--set ops.duration_days must be > 0 (got '${v}')`);
    out.ops = { duration_days: days };
  }
  return out;
}

/** The scenario with the --region flag and the field --sets applied (ops merged, so a plan keeps its own keys). */
function withFields(scenario: Record<string, unknown>, region: string | undefined, fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...scenario, ...(region !== undefined ? { region } : {}), ...(fields.region !== undefined ? { region: fields.region } : {}) };
  if (fields.ops) out.ops = { ...(isObject(scenario.ops) ? scenario.ops : {}), ...fields.ops };
  return out;
}

/** A plan evaluated in another mode than training drops the cells its batch and length set only for training. */
function withoutTrainingCells(overrides: unknown): Record<string, unknown> {
  const out = { ...(isObject(overrides) ? overrides : {}) };
  delete out[PLAN_CELLS.global_batch_size];
  delete out[PLAN_CELLS.train_seq_len];
  return out;
}

/** Flag → cell (physics.md §11.4 eval flag mode). */
function flagOverrides(f: ScenarioFlags): Record<string, OverrideValue> {
  const out: Record<string, OverrideValue> = {};
  const batch = numberFlag('--batch-size', f.batchSize, { int: true, min: 1 });
  const seq = numberFlag('--seq-len', f.seqLen, { int: true, min: 1 });
  const eff = numberFlag('--efficiency', f.efficiency, { min: 0, minExclusive: true });
  const chunk = numberFlag('--prefill-chunk-tokens', f.prefillChunkTokens, { int: true, min: 1 });
  if (batch !== undefined) out['scenario.batch_size'] = batch;
  if (f.precision !== undefined) out['scenario.precision'] = f.precision;
  if (eff !== undefined) out['scenario.efficiency'] = eff;
  if (seq !== undefined) out['scenario.context_len'] = seq;
  if (chunk !== undefined) out['serving.prefill_chunk_tokens'] = chunk;
  for (const [flag, cell] of LAYOUT_FLAGS) {
    const v = numberFlag(`--${flag}`, f[flag], { int: true, min: 1 });
    if (v !== undefined) out[cell] = v;
  }
  return out;
}

/** --tp/--pp/--ep/--cp → the layout cells (physics §8.1, in every mode with several devices). */
const LAYOUT_FLAGS = [['tp', 'communication.tp'], ['pp', 'communication.pp'], ['ep', 'communication.ep'], ['cp', 'communication.cp']] as const;

/**
 * --gpus N → the system: N devices of HARDWARE in nodes of its catalogue node (8 per DGX_H100),
 * one partial node when N is below a node; without a catalogue node, one node of N (said).
 * Refused when HARDWARE already names a system, or N is not a whole number of nodes.
 */
function gpusSystem(f: ScenarioFlags, hardware: unknown, system: string | undefined, warnings: string[]): FleetInput | undefined {
  const n = numberFlag('--gpus', f.gpus, { int: true, min: 1 });
  if (n === undefined) return undefined;
  if (system !== undefined) throw new CliError('Bad arguments', `--gpus applies to a device; HARDWARE '${system}' already names a system (a node or cluster)`);
  const device = typeof hardware === 'string' ? hardware : isObject(hardware) && typeof hardware.id === 'string' ? hardware.id : 'the custom device';
  const r = systemOfDevices(device, n, typeof hardware === 'string');
  if (!r.ok) throw new CliError('Bad flag value', `--gpus ${r.problem}`);
  if (r.warning) warnings.push(r.warning);
  return r.system;
}

/** Layout flags need several devices: one device has no layout to set. */
function checkLayoutFlags(f: ScenarioFlags, system: unknown): void {
  const given = LAYOUT_FLAGS.filter(([flag]) => f[flag] !== undefined).map(([flag]) => `--${flag}`);
  if (!given.length || system !== undefined) return;
  throw new CliError('Bad arguments', `${given.join(', ')} need${given.length > 1 ? '' : 's'} more than one device: name a node or cluster as HARDWARE (e.g. DGX_H100) or add --gpus N`);
}

/** Flags of MODEL HARDWARE mode that a plan sets itself (--region and --set work with both). */
const FLAG_NAMES: Record<string, string> = {
  batchSize: '--batch-size', precision: '--precision', efficiency: '--efficiency', seqLen: '--seq-len',
  prefillChunkTokens: '--prefill-chunk-tokens', gpus: '--gpus', tp: '--tp', pp: '--pp', ep: '--ep', cp: '--cp',
};

/** --profile FILE: the profile's fitted cells under the --set overrides (src/cli/profile.ts). */
function withProfile(path: string | undefined, scenario: Record<string, unknown>, sets: Record<string, string>): { overrides: Record<string, string | number>; warnings: string[] } {
  if (path === undefined) return { overrides: sets, warnings: [] };
  const p = profileSets(path, scenario);
  return { overrides: { ...p.overrides, ...sets }, warnings: [p.warning] };
}

/**
 * Positional arguments → the scenario. One argument: a plan or scenario file. Two: MODEL
 * HARDWARE. `forceMode` is the mode a command needs (serve → serving).
 */
export function resolveSource(args: readonly string[], flags: ScenarioFlags, command: string, forceMode?: ScenarioMode): Source {
  const overrides = parseSets(flags.set);
  const fields = fieldSets(overrides);
  if (args.length === 1) {
    const path = args[0];
    if (!isFile(path) && !looksLikePath(path)) {
      throw new CliError('Bad arguments', `${command} needs PLAN.yaml or MODEL HARDWARE; '${path}' is not a file (to use a catalogue model, also name the hardware)`);
    }
    const given = Object.keys(FLAG_NAMES).filter((k) => flags[k as keyof ScenarioFlags] !== undefined);
    if (given.length) {
      throw new CliError('Bad arguments', `${given.map((k) => FLAG_NAMES[k]).join(', ')} apply to MODEL HARDWARE; with a plan file use --set CELL=VALUE`);
    }
    const doc = loadDocumentText(readText(path, 'plan'), { filename: basename(path) });
    const mode = forceMode ?? flags.mode;
    const scenario: Record<string, unknown> = withFields({ ...doc.scenario, ...(mode ? { mode } : {}) }, flags.region, fields);
    if (mode && mode !== 'training') {
      delete scenario.layout;
      if (doc.kind === 'plan') scenario.overrides = withoutTrainingCells(scenario.overrides);
    }
    const p = withProfile(flags.profile, scenario, overrides);
    return { scenario, options: { overrides: p.overrides }, warnings: [...doc.warnings, ...p.warnings], kind: doc.kind };
  }
  if (args.length !== 2) {
    throw new CliError('Bad arguments', `${command} needs PLAN.yaml or MODEL HARDWARE (got ${args.length} arguments: ${args.join(' ') || 'none'})`);
  }
  const { model, registry: reg } = modelArg(args[0], args[1]);
  const { hardware, system } = hardwareArg(args[1]);
  const warnings: string[] = [];
  const gpus = gpusSystem(flags, hardware, system, warnings);
  const fleet = system ?? gpus;
  checkLayoutFlags(flags, fleet);
  const mode = forceMode ?? flags.mode;
  const scenario: Record<string, unknown> = withFields({
    model, hardware,
    ...(fleet ? { system: fleet } : {}),
    ...(mode ? { mode } : {}),
    overrides: flagOverrides(flags),
  }, flags.region, fields);
  const p = withProfile(flags.profile, scenario, overrides);
  return { scenario, options: { overrides: p.overrides, ...(reg ? { registry: reg } : {}) }, warnings: [...warnings, ...p.warnings], kind: 'flags' };
}
