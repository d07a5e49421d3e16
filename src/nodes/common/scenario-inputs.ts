/**
 * The common scenario inputs (physics.md §1.7): mode, batch, context, output length,
 * attention convention and the optional performance targets.
 */
import { type CellDef, input } from '../../graph/index.js';
import type { BuildContext, Mode } from '../context.js';
import { spec } from './catalogue-input.js';

export const MODES: readonly Mode[] = ['inference', 'serving', 'training'];
export const ATTENTION_CONVENTIONS = ['causal', 'full', 'none'] as const;
export type AttentionConvention = (typeof ATTENTION_CONVENTIONS)[number];

export function scenarioInputCells(ctx: BuildContext): CellDef[] {
  const s17 = spec('§1.7');
  return [
    input({
      id: 'scenario.mode',
      label: 'Mode',
      doc: 'What is evaluated: one decode step or forward pass (inference), walls 4–7 (serving) or wall 14 (training); fixed when the graph is built.',
      unit: 'enum',
      layer: 'A',
      // The cell structure depends on the mode (physics.md §4.0), so a graph holds exactly one
      // mode: the scenario builder rebuilds the graph to change it. The domain therefore only
      // accepts the mode this graph was built for; anything else is refused, never ignored.
      default: ctx.mode,
      domain: { kind: 'choice', choices: [ctx.mode] },
      source: s17,
    }),
    input({
      id: 'scenario.batch_size',
      label: 'Batch size',
      doc: 'Sequences (LM) or samples processed together in one step.',
      unit: 'sequences',
      layer: 'A',
      default: 1,
      domain: { kind: 'number', min: 1, integer: true },
      source: s17,
    }),
    input({
      id: 'scenario.context_len',
      label: 'Context length',
      doc: 'Tokens in context at the evaluated decode step, the token being generated included (LMs only).',
      unit: 'tokens',
      layer: 'A',
      default: 2048,
      domain: { kind: 'number', min: 1, integer: true },
      source: s17,
    }),
    input({
      id: 'scenario.output_tokens',
      label: 'Output tokens',
      doc: 'Tokens generated per request.',
      unit: 'tokens',
      layer: 'A',
      default: 128,
      domain: { kind: 'number', min: 1, integer: true },
      source: s17,
    }),
    input({
      id: 'scenario.attention_flops_convention',
      label: 'Attention FLOPs convention',
      doc: 'How attended pairs are counted: causal (lower triangle), full (square) or none (attention ignored).',
      unit: 'enum',
      layer: 'A',
      default: 'causal',
      domain: { kind: 'choice', choices: ATTENTION_CONVENTIONS },
      source: spec('§2.3'),
    }),
    input({
      id: 'scenario.target_latency',
      label: 'Target latency',
      doc: 'Optional latency target for one step; unset means no target.',
      unit: 's',
      layer: 'A',
      default: null,
      domain: { kind: 'number', min: 0, minExclusive: true, optional: true },
      source: s17,
    }),
    input({
      id: 'scenario.target_throughput',
      label: 'Target throughput',
      doc: 'Optional throughput target (tokens/s for LMs, samples/s otherwise); unset means no target.',
      unit: '1/s',
      layer: 'A',
      default: null,
      domain: { kind: 'number', min: 0, minExclusive: true, optional: true },
      source: s17,
    }),
  ];
}
