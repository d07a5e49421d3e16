/**
 * Scorecard metrics as cells (DESIGN.md "The cell"): `performance.latency`,
 * `feasibility.memory_used_gb`, `macro.tco_usd` … hold the display units of physics.md §11.2
 * (ms, GB, t CO2e, kWh) — the one exception to SI storage — so plans assert on the same names
 * and the workbench can trace them like any cell.
 */
import { type CellDef, derived, flag, optNumber } from '../../graph/index.js';
import type { BuildContext } from '../context.js';
import { metricSources } from './metric-sources.js';

/** The metric cells of a mode; `present` says which source cells the graph has. */
export function metricCells(ctx: BuildContext, present: ReadonlySet<string>): CellDef[] {
  const seen = new Set<string>();
  const out: CellDef[] = [];
  for (const m of metricSources(ctx.mode)) {
    const id = `${m.lens}.${m.key}`;
    if (seen.has(id) || !present.has(m.cell) || (m.when && !present.has(m.when))) continue;
    seen.add(id);
    out.push(
      derived({
        id,
        label: `${m.lens[0].toUpperCase()}${m.lens.slice(1)} · ${m.key.replace(/_/g, ' ')}`,
        doc: `Scorecard metric ${id}: ${m.cell} in ${m.unit}${m.when ? ` (when ${m.when})` : ''}.`,
        unit: m.unit === 'fraction' ? '1' : m.unit,
        layer: 'E',
        formula: m.scale === 1 ? `= ${m.cell}` : `= ${m.cell} × ${m.scale}`,
        source: { kind: 'spec', ref: 'physics.md §11.2' },
        inputs: { source: optNumber(m.cell), ...(m.when ? { when: flag(m.when) } : {}) },
        mayBeInfinite: true,
        // A metric with a `when` cell is unset while that cell is false.
        compute: ({ source, when }) => (when === false || source === null ? null : source * m.scale),
      }),
    );
  }
  return out;
}
