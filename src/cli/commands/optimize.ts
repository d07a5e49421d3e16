/** `mlsysim optimize parallelism|batching|placement (PLAN.yaml | MODEL HARDWARE)`: the §11.4 searches. */
import type { Command } from 'commander';
import { formatNumber, formatPlain, type LiveGraph, type Plain } from '../../graph/index.js';
import {
  buildScenario, LAYOUT_CELLS, type OptimizeCandidate, optimizeBatching, optimizeParallelism, optimizePlacement, type OptimizeResult,
} from '../../scenario/index.js';
import { closestMatches } from '../../registry/index.js';
import { numberFlag } from '../args.js';
import {
  act, type Answer, type CliState, formatOf, printAnswer, type ResolveSource, scenarioOptions, type ScenarioFlags,
} from '../command.js';
import { CliError, type ExitCode } from '../errors.js';
import { out, type OutputFormat, progress, renderTable, type Table, warn } from '../output.js';
import { resolveSource } from '../source.js';

const KINDS = ['parallelism', 'batching', 'placement'] as const;
type Kind = (typeof KINDS)[number];

interface OptimizeFlags extends ScenarioFlags {
  readonly slaMs?: string;
  readonly qps?: string;
  readonly carbonTax?: string;
  readonly top?: string;
  readonly maxBatch?: string;
}

const short = (id: string) => id.replace(/^(communication|scenario|capital|sustainability|tail_latency|serving|batching)\./, '');
const plain = (v: unknown): string => (typeof v === 'number' ? formatNumber(v, 5) : v === null ? '∞' : String(v));

function candidateTable(r: OptimizeResult): Table {
  const first = r.top[0];
  const valueKeys = first ? Object.keys(first.values) : [];
  const metricKeys = first ? Object.keys(first.metrics) : [];
  return {
    headers: ['rank', ...valueKeys, `objective (${r.objective.unit})`, ...metricKeys],
    rows: r.top.map((c: OptimizeCandidate, i) => [i + 1, ...valueKeys.map((k) => c.values[k] as string | number | boolean | null),
      c.objective, ...metricKeys.map((k) => c.metrics[k])]),
  };
}

function textReport(format: Exclude<OutputFormat, 'json'>, scenario: string, r: OptimizeResult, graph: LiveGraph): string {
  const t = candidateTable(r);
  if (format === 'csv') return renderTable('csv', t);
  // Metrics are SI cell values: show them with their cell's unit.
  const units = t.headers.map((h) => (graph.has(h) ? graph.def(h).unit : ''));
  const readable: Table = {
    headers: t.headers.map((h) => short(h)),
    rows: t.rows.map((row) => row.map((c, i) => (typeof c === 'number' ? (i > 0 && units[i] && units[i] !== '1' ? formatPlain(c, units[i]) : formatNumber(c, 5)) : c))),
  };
  const best = r.best;
  const lines = [
    `optimize ${r.kind} — ${scenario}`,
    `objective: ${r.objective.sense === 'max' ? 'maximise' : 'minimise'} ${r.objective.name} (${r.objective.unit})`,
    best ? `best: ${Object.entries(best.values).map(([k, v]) => `${short(k)}=${plain(v)}`).join(', ')} → ${formatPlain(best.objective, r.objective.unit === 'fraction' ? '' : r.objective.unit)}` : 'best: none',
    `searched: ${r.total} candidates, ${r.tried} evaluated, ${r.feasible} feasible`,
    ...(r.message ? [`note: ${r.message}`] : []),
  ];
  if (!r.top.length) return lines.join('\n');
  const table = renderTable(format, readable);
  return format === 'markdown'
    ? `## ${lines[0]}\n\n${lines.slice(1).map((l) => `* ${l}`).join('\n')}\n\n${table}`
    : `${lines.join('\n')}\n\ntop ${r.top.length}:\n${table}`;
}

/** A search run: what the JSON and the tables are made of. */
interface OptimizeRun {
  readonly kind: Kind;
  readonly name: string;
  readonly graph: LiveGraph;
  readonly result: OptimizeResult;
  readonly warnings: readonly string[];
  /** 0 a feasible best, 1 nothing to search, 2 no candidate feasible. */
  readonly code: ExitCode;
}

/** Checks the kind and flags, builds the scenario and runs the search. */
function runOptimize(kindWord: string, resolve: ResolveSource, opts: OptimizeFlags,
  onProgress?: (kind: Kind) => ((done: number, total: number) => void) | undefined): OptimizeRun {
  const kind = KINDS.find((k) => k === kindWord.toLowerCase());
  if (!kind) {
    const near = closestMatches(kindWord, KINDS, 2);
    throw new CliError('Unknown optimizer', `optimize: unknown kind '${kindWord}'.${near.length ? ` Did you mean ${near.join(', ')}?` : ''} Kinds: ${KINDS.join(', ')}`);
  }
  const topK = numberFlag('--top', opts.top, { int: true, min: 1 }) ?? 5;
  const src = resolve(`optimize ${kind}`, kind === 'batching' ? 'serving' : undefined);
  const built = buildScenario(src.scenario, src.options);
  const result = run(kind, built.graph, opts, topK, onProgress?.(kind), heldLayout(src.scenario, src.options.overrides, built.graph));
  const code: ExitCode = result.total === 0 ? 1 : result.feasible === 0 ? 2 : 0;
  return { kind, name: built.name, graph: built.graph, result, warnings: [...src.warnings, ...built.warnings], code };
}

/** `optimize --output json` (and the mcp tool optimize): the search result, or an error object when nothing could be searched. */
export function optimizeAnswer(kindWord: string, resolve: ResolveSource, opts: OptimizeFlags): Answer {
  const { name, result: r, warnings, code } = runOptimize(kindWord, resolve, opts);
  return { json: { ...(code === 1 ? { status: 'error', title: 'Cannot optimize', reason: r.message ?? 'nothing to search' } : {}), scenario: name, ...r, warnings }, code };
}

export function registerOptimize(program: Command, state: CliState): void {
  const cmd = program
    .command('optimize')
    .summary('search: parallelism (fleet MFU), batching (largest batch meeting a p99 SLA), placement (TCO + carbon tax)')
    .description('physics.md §11.4 searches on a plan (or MODEL HARDWARE):\n' +
      '  parallelism  training: tp × pp × cp × ep × interleaving × ZeRO stage × microbatch, memory checked before timing,\n' +
      '               maximise fleet MFU (ties: less memory); inference/serving: tp, pp, ep, minimise the decode step or\n' +
      '               maximise tokens/s at capacity (within its targets). Layout cells you set (--set, --tp …) are held.\n' +
      '  batching     largest batch b with each accelerator a replica of b slots and p99 ≤ --sla-ms at --qps (serving)\n' +
      '  placement    every catalogue region: minimise TCO + carbon [t] × --carbon-tax [USD/t]\n' +
      'Exit codes: 0 a feasible best was found, 1 bad input or a search this scenario cannot run, 2 no candidate is feasible.\n' +
      'Values in the candidate tables are SI (s, B, g, USD) except the objective unit shown.')
    .argument('<kind>', 'parallelism | batching | placement')
    .argument('<plan-or-model>', 'PLAN.yaml, or a model id / file')
    .argument('[hardware]', 'hardware id or device file (with a model)')
    .option('--sla-ms <ms>', 'batching: p99 latency target in ms (required)')
    .option('--qps <rps>', 'batching: offered load in requests/s (required)')
    .option('--max-batch <n>', 'batching: largest batch tried (default 256)')
    .option('--carbon-tax <usd>', 'placement: USD per tonne CO2e (default 0)')
    .option('--top <k>', 'candidates listed (default 5)');
  scenarioOptions(cmd);
  cmd.addHelpText('after', `
Examples:
  $ mlsysim optimize parallelism examples/example_cluster.yaml
  $ mlsysim optimize placement examples/example_cluster.yaml --carbon-tax 150
  $ mlsysim optimize batching Llama3_8B H100 --sla-ms 5000 --qps 2
  $ mlsysim optimize parallelism Llama3_70B DGX_H100 --mode serving
  $ mlsysim optimize parallelism examples/example_cluster.yaml --top 10 --output csv`);
  cmd.action(act(state, (kindWord: string, first: string, second: string | undefined, opts: OptimizeFlags, self: Command): ExitCode => {
    const format = formatOf(self);
    const resolve: ResolveSource = (command, mode) => resolveSource(second === undefined ? [first] : [first, second], opts, command, mode);
    if (format === 'json') return printAnswer(optimizeAnswer(kindWord, resolve, opts));
    const { kind, name, graph, result, warnings, code } = runOptimize(kindWord, resolve, opts, (k) => progress(format, `optimize ${k}`));
    warn(format, warnings);
    if (code === 1) throw new CliError('Cannot optimize', `optimize ${kind}: ${result.message ?? 'nothing to search'}`);
    out(textReport(format, name, result, graph));
    return code;
  }));
}

/** The layout cells the user set (scenario overrides, --set, --tp …): the parallelism search holds them. */
function heldLayout(scenario: unknown, set: Readonly<Record<string, unknown>> | undefined, graph: LiveGraph): Record<string, Plain> {
  const own = scenario && typeof scenario === 'object' && 'overrides' in scenario ? (scenario as { overrides?: Record<string, unknown> }).overrides : undefined;
  const given = new Set([...Object.keys(own ?? {}), ...Object.keys(set ?? {})]);
  return Object.fromEntries(LAYOUT_CELLS.filter((id) => given.has(id) && graph.has(id)).map((id) => [id, graph.value(id) ?? null]));
}

function run(kind: Kind, graph: LiveGraph, opts: OptimizeFlags, topK: number,
  onProgress: ((done: number, total: number) => void) | undefined, held: Readonly<Record<string, Plain>>): OptimizeResult {
  if (kind === 'parallelism') return optimizeParallelism(graph, { topK, onProgress, fixed: held });
  if (kind === 'placement') return optimizePlacement(graph, { carbonTax: numberFlag('--carbon-tax', opts.carbonTax, { min: 0 }) ?? 0, topK, onProgress });
  const slaMs = numberFlag('--sla-ms', opts.slaMs, { min: 0, minExclusive: true });
  const qps = numberFlag('--qps', opts.qps, { min: 0 });
  if (slaMs === undefined || qps === undefined) throw new CliError('Bad arguments', 'optimize batching needs --sla-ms and --qps, e.g. --sla-ms 200 --qps 20');
  const maxBatch = numberFlag('--max-batch', opts.maxBatch, { int: true, min: 1 });
  return optimizeBatching(graph, { slaMs, qps, topK, onProgress, ...(maxBatch !== undefined ? { maxBatch } : {}) });
}
