/**
 * The scenario a command works on: a plan or scenario file (PLAN.yaml), or MODEL HARDWARE in
 * flag mode (§11.4: inference on one device, context 2048; flags map to scenario cells).
 * MODEL may be a catalogue id, a custom model file or a Hugging Face config.json; HARDWARE a
 * catalogue id or a custom device file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { createRegistry, modelFromHfConfig, registry, type Registry } from '../registry/index.js';
import type { BuildOptions, OverrideValue, ScenarioMode } from '../scenario/index.js';
import { loadDocumentText } from '../scenario/yaml-text.js';
import { numberFlag, parseSets } from './args.js';
import { CliError } from './errors.js';

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
}

export interface Source {
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

function parseFile(path: string, what: string): unknown {
  const text = readText(path, what);
  try {
    return parseYaml(text);
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new CliError(`Invalid ${what} file`, `${path}: not valid JSON or YAML: ${why}`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A path-looking argument (catalogue ids have no slash and no document extension). */
const looksLikePath = (arg: string) => arg.includes('/') || arg.includes('\\') || DOCUMENT.test(arg);

/** MODEL: catalogue id, Hugging Face config.json (→ a registry holding it) or custom model document. */
function modelArg(arg: string): { model: unknown; registry?: Registry } {
  if (!isFile(arg) && !looksLikePath(arg)) return { model: arg };
  const data = parseFile(arg, 'model');
  if (isObject(data) && ('hidden_size' in data || 'text_config' in data) && ('num_hidden_layers' in data || 'text_config' in data)) {
    let m = modelFromHfConfig(data);
    const stem = basename(arg).replace(/(\.config)?\.json$/i, '');
    if (m.id.endsWith('_import') && stem !== 'config') m = modelFromHfConfig(data, { id: stem.replace(/[^A-Za-z0-9_.-]+/g, '_') });
    if (registry().has('model', m.id)) m = modelFromHfConfig(data, { id: `${m.id}_hf` });
    return { model: m.id, registry: createRegistry([m]) };
  }
  if (!isObject(data)) throw new CliError('Invalid model file', `${arg} must hold a model map (catalogue spelling) or a Hugging Face config.json`);
  return { model: data };
}

function hardwareArg(arg: string): unknown {
  if (!isFile(arg) && !looksLikePath(arg)) return arg;
  const data = parseFile(arg, 'hardware');
  if (!isObject(data)) throw new CliError('Invalid hardware file', `${arg} must hold a device map (catalogue spelling)`);
  return data;
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
  return out;
}

const FLAG_NAMES: Record<string, string> = {
  batchSize: '--batch-size', precision: '--precision', efficiency: '--efficiency', seqLen: '--seq-len',
  region: '--region', prefillChunkTokens: '--prefill-chunk-tokens',
};

/**
 * Positional arguments → the scenario. One argument: a plan or scenario file. Two: MODEL
 * HARDWARE. `forceMode` is the mode a command needs (serve → serving).
 */
export function resolveSource(args: readonly string[], flags: ScenarioFlags, command: string, forceMode?: ScenarioMode): Source {
  const overrides = parseSets(flags.set);
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
    const scenario: Record<string, unknown> = { ...doc.scenario, ...(mode ? { mode } : {}) };
    if (mode && mode !== 'training') delete scenario.layout;
    return { scenario, options: { overrides }, warnings: doc.warnings, kind: doc.kind };
  }
  if (args.length !== 2) {
    throw new CliError('Bad arguments', `${command} needs PLAN.yaml or MODEL HARDWARE (got ${args.length} arguments: ${args.join(' ') || 'none'})`);
  }
  const { model, registry: reg } = modelArg(args[0]);
  const hardware = hardwareArg(args[1]);
  const mode = forceMode ?? flags.mode;
  const scenario: Record<string, unknown> = {
    model, hardware,
    ...(mode ? { mode } : {}),
    ...(flags.region !== undefined ? { region: flags.region } : {}),
    overrides: flagOverrides(flags),
  };
  return { scenario, options: { overrides, ...(reg ? { registry: reg } : {}) }, warnings: [], kind: 'flags' };
}
