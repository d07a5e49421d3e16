/**
 * Wall 21's inputs (physics.md §10, wall 21). The elasticities themselves are an engine
 * analysis (src/graph/sensitivity.ts) run on request; these cells hold its settings so plans,
 * `--set` and workbooks can choose them.
 */
import { type CellDef, input } from '../../graph/index.js';
import type { BuildContext } from '../context.js';

const src = { kind: 'spec', ref: 'physics.md wall 21' } as const;

export function sensitivityInputCells(_ctx: BuildContext): CellDef[] {
  return [
    input({
      id: 'sensitivity.sensitivity_output', label: 'Sensitivity output', unit: 'text', layer: 'E', wall: 21, source: src,
      doc: 'The cell whose elasticities are computed (unset: the mode’s headline time).',
      default: null, domain: { kind: 'text', optional: true },
    }),
    input({
      id: 'sensitivity.perturbation', label: 'Perturbation h', unit: '1', layer: 'E', wall: 21, source: src,
      doc: 'Relative step of the finite differences.',
      default: 0.01, domain: { kind: 'number', min: 0, minExclusive: true, max: 0.5 },
    }),
    input({
      id: 'sensitivity.include_discrete', label: 'Include integer inputs', unit: 'bool', layer: 'E', wall: 21, source: src,
      doc: 'Whether integer inputs are perturbed with integer steps.',
      default: true, domain: { kind: 'boolean' },
    }),
  ];
}
