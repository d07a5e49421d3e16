/** `mlsysim explain (PLAN.yaml | MODEL HARDWARE) CELL [--depth D]`: why a cell has its value. */
import type { Command } from 'commander';
import { formatPlain } from '../../graph/index.js';
import { buildScenario } from '../../scenario/index.js';
import { explainCell, type Explained } from '../../scenario/explain.js';
import { numberFlag, requireCell } from '../args.js';
import {
  act, type Answer, type CliState, formatOf, onlyFormats, printAnswer, type ResolveSource, scenarioOptions, type ScenarioFlags,
} from '../command.js';
import { CliError } from '../errors.js';
import { out, warn } from '../output.js';
import { resolveSource } from '../source.js';

function lines(e: Explained | string, indent: string, markdown: boolean): string[] {
  const bullet = markdown ? '- ' : '';
  if (typeof e === 'string') return [`${indent}${bullet}${e} …`];
  const si = typeof e.value === 'number' && e.unit !== '1' && e.display !== `${e.value} ${e.unit}` ? ` (${e.value} ${e.unit})` : '';
  const what = e.error ? `error (${e.error.kind}): ${e.error.message}` : `${e.display ?? formatPlain(e.value ?? null, e.unit)}${si}`;
  const head = markdown ? `${indent}${bullet}**${e.id}** = ${what}` : `${indent}${e.id} = ${what}`;
  const sub = `${indent}${markdown ? '  ' : '    '}`;
  const out = [head];
  if (e.formula) out.push(`${sub}formula: ${e.formula}`);
  if (indent === '') {
    out.push(`${sub}unit: ${e.unit}`, `${sub}doc: ${e.doc}`);
    if (e.source) out.push(`${sub}source: ${e.source.kind}: ${e.source.ref}${e.source.url ? ` <${e.source.url}>` : ''}`);
  }
  if (e.provenance) out.push(`${sub}input (${e.provenance})`);
  for (const w of e.warnings ?? []) out.push(`${sub}warning: ${w}`);
  if (e.inputs?.length) {
    out.push(`${sub}from:`);
    for (const i of e.inputs) out.push(...lines(i, `${sub}  `, markdown));
  }
  return out;
}

/** Builds the scenario and explains `cell` to --depth levels. */
function runExplain(resolve: ResolveSource, cell: string, opts: { readonly depth?: string }): { name: string; explained: Explained; warnings: string[] } {
  const depth = numberFlag('--depth', opts.depth, { int: true, min: 0 }) ?? 1;
  const src = resolve('explain');
  const built = buildScenario(src.scenario, src.options);
  requireCell(built.graph, cell, 'explain');
  return { name: built.name, explained: explainCell(built.graph, cell, Math.min(depth, 50)), warnings: [...src.warnings, ...built.warnings] };
}

/** `explain --output json` (and the mcp tool explain): the cell with its formula, source and inputs. */
export function explainAnswer(resolve: ResolveSource, cell: string, opts: { readonly depth?: string }): Answer {
  const { name, explained } = runExplain(resolve, cell, opts);
  return { json: { scenario: name, ...explained }, code: 0 };
}

export function registerExplain(program: Command, state: CliState): void {
  const cmd = program
    .command('explain')
    .summary('why a cell has its value: formula, doc, source and the inputs it was computed from')
    .description('Explain one cell: its value (formatted and SI), unit, formula, doc and source, and the cells it is\n' +
      'computed from with their values, recursively to --depth (default 1). The last argument is the cell id.')
    .argument('<args...>', 'PLAN.yaml CELL, or MODEL HARDWARE CELL')
    .option('--depth <d>', 'levels of inputs to expand (default 1; 0 = the cell alone)');
  scenarioOptions(cmd);
  cmd.addHelpText('after', `
Examples:
  $ mlsysim explain Llama3_8B H100 compute.latency
  $ mlsysim explain Llama3_8B H100 memory.memory_footprint --depth 2 --batch-size 32
  $ mlsysim explain examples/example_cluster.yaml capital.tco_usd --output json`);
  cmd.action(act(state, (args: string[], opts: ScenarioFlags & { depth?: string }, self: Command) => {
    const format = formatOf(self);
    onlyFormats(format, ['text', 'json', 'markdown'], 'explain');
    if (args.length < 2) throw new CliError('Bad arguments', 'explain needs PLAN.yaml CELL or MODEL HARDWARE CELL (the cell id comes last)');
    const cell = args[args.length - 1];
    const resolve: ResolveSource = (command, mode) => resolveSource(args.slice(0, -1), opts, command, mode);
    if (format === 'json') return printAnswer(explainAnswer(resolve, cell, opts));
    const { name, explained, warnings } = runExplain(resolve, cell, opts);
    warn(format, warnings);
    const body = lines(explained, '', format === 'markdown').join('\n');
    out(format === 'markdown' ? `## ${cell} — ${name}\n\n${body}` : body);
    return 0;
  }));
}
