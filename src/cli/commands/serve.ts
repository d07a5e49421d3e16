/** `mlsysim serve MODEL HARDWARE`: TTFT, ITL, tokens/s, KV cache, memory use and feasibility of serving. */
import type { Command } from 'commander';
import { formatPlain, type LiveGraph } from '../../graph/index.js';
import { cellReport, evaluate, flatResult, layoutText } from '../../scenario/index.js';
import {
  act, type Answer, type CliState, formatOf, onlyFormats, printAnswer, type ResolveSource, scenarioOptions, type ScenarioFlags,
} from '../command.js';
import { out, printError, renderTable, warn } from '../output.js';
import { resolveSource } from '../source.js';

/** The serving cells shown, with their labels. */
const SERVING_CELLS: readonly [string, string][] = [
  ['serving.ttft', 'TTFT (time to first token)'],
  ['serving.itl', 'ITL (inter-token latency)'],
  // B/itl: the whole decode batch's rate (serving.tokens_per_second), not one request's.
  ['serving.tokens_per_second', 'tokens/s (decode batch of B)'],
  ['serving.request_latency', 'request latency'],
  ['batching.max_active_requests', 'max concurrent requests (KV-limited)'],
  ['batching.throughput_tokens_per_second', 'tokens/s at capacity'],
  ['communication.replicas', 'replicas (model copies)'],
  ['communication.fleet_throughput', 'tokens/s at capacity, all replicas'],
  ['communication.weight_bytes_per_gpu', 'weights per GPU'],
  ['serving.kv_cache_bytes', 'KV cache'],
  ['workload.kv_bytes_per_token', 'KV cache per token'],
  ['serving.memory_required', 'memory required'],
  ['serving.memory_capacity_checked', 'memory capacity'],
  ['serving.memory_utilization', 'memory utilization'],
  ['serving.serving_feasible', 'feasible'],
];

function servingCells(graph: LiveGraph): Record<string, ReturnType<typeof cellReport>[string]> {
  const all = cellReport(graph);
  return Object.fromEntries(SERVING_CELLS.filter(([id]) => id in all).map(([id]) => [id, all[id]]));
}

/** `serve --output json` (and the mcp tool serve): the serving cells, the scorecard's flat keys and the board. */
export function serveAnswer(resolve: ResolveSource): Answer {
  const src = resolve('serve', 'serving');
  const e = evaluate(src.scenario, src.options);
  return {
    json: {
      ...(e.exit_code === 1 ? { status: 'error', title: 'Invalid input', reason: e.input_error ?? 'bad input' } : {}),
      ...flatResult(e), serving: servingCells(e.built.graph), walls: e.walls, asserts: e.asserts, ...(e.layout ? { layout: e.layout } : {}),
      warnings: [...src.warnings, ...e.warnings],
    },
    code: e.exit_code,
  };
}

export function registerServe(program: Command, state: CliState): void {
  const cmd = program
    .command('serve')
    .summary('serving a language model: TTFT, ITL, tokens/s, KV cache, memory use, feasibility')
    .description('Evaluate MODEL on HARDWARE in serving mode (wall 4 prefill + decode, wall 5 continuous batching).\n' +
      'Exit codes: 0 ok, 1 bad input, 2 infeasible (the weights and KV cache do not fit).')
    .argument('<model>', 'catalogue model id, model file or Hugging Face config.json (or a PLAN.yaml)')
    .argument('[hardware]', 'catalogue hardware id, node or cluster id, or device file');
  scenarioOptions(cmd, { mode: false, prefill: true });
  cmd.addHelpText('after', `
Examples:
  $ mlsysim serve Llama3_8B H100
  $ mlsysim serve Llama3_70B H100 --seq-len 8192 --batch-size 16 --precision fp8
  $ mlsysim serve Llama3_8B H100 --prefill-chunk-tokens 512 --output json
  $ mlsysim serve Llama3_70B DGX_H100                 # one node: the layout is searched and said
  $ mlsysim serve Llama3_70B H100 --gpus 8 --tp 8     # 8 H100 in one DGX_H100, tensor-parallel 8`);
  cmd.action(act(state, (first: string, second: string | undefined, opts: ScenarioFlags, self: Command) => {
    const format = formatOf(self);
    onlyFormats(format, ['text', 'json', 'markdown'], 'serve');
    const resolve: ResolveSource = (command, mode) => resolveSource(second === undefined ? [first] : [first, second], opts, command, mode);
    if (format === 'json') return printAnswer(serveAnswer(resolve));
    const src = resolve('serve', 'serving');
    const e = evaluate(src.scenario, src.options);
    const graph = e.built.graph;
    warn(format, [...src.warnings, ...e.warnings]);
    if (e.exit_code === 1) {
      printError(format, { title: 'Invalid input', reason: e.input_error ?? 'bad input' });
      return 1;
    }
    const rows = SERVING_CELLS.filter(([id]) => graph.has(id)).map(([id, label]) => {
      const v = graph.get(id);
      const unit = graph.def(id).unit;
      return [label, v.ok ? formatPlain(v.value, unit === '1' ? '' : unit) : `error: ${v.error.message}`, id];
    });
    const layout = e.layout ? `\nlayout (${e.layout.auto ? 'auto' : 'given'}): ${layoutText(e.layout.values)}` : '';
    const title = `${e.scenario} (serving) — ${e.card.feasibility.status}: ${e.card.feasibility.summary}${layout}`;
    const table = renderTable(format === 'markdown' ? 'markdown' : 'text', { headers: ['metric', 'value', 'cell'], rows });
    out(format === 'markdown' ? `## ${title}\n\n${table}` : `${title}\n${table}`);
    return e.exit_code;
  }));
}
