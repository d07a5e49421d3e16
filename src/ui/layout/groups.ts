/**
 * The graph at scale: cells grouped by layer column (A→E) and scope (a wall, or the common
 * inputs, the device, the grid, the scorecard). A group is the unit that collapses, filters
 * and summarises, so the full scenario (hundreds of cells) stays readable.
 */
import { type CellDef, cellScope, type Layer, type Topology } from '../../graph/index.js';
import { WALLS } from '../../scenario/index.js';

export interface CellGroup {
  /** `<layer>:<scope>` ("E:serving"); stable across rebuilds of the same kind of scenario. */
  readonly key: string;
  readonly layer: Layer;
  readonly scope: string;
  readonly wall?: number;
  readonly title: string;
  /** Cell ids in topological order. */
  readonly ids: readonly string[];
}

const SCOPE_TITLES: Readonly<Record<string, string>> = {
  scenario: 'Scenario inputs',
  workload: 'Workload',
  hardware: 'Device',
  infra: 'Grid',
  feasibility: 'Scorecard · Feasibility',
  performance: 'Scorecard · Performance',
  macro: 'Scorecard · Macro',
};

/** Groups open at start: the common inputs, wall 1 and the scorecard (about 75 cells). */
export const DEFAULT_EXPANDED_SCOPES: ReadonlySet<string> = new Set(['scenario', 'compute', 'feasibility', 'performance', 'macro']);

function groupTitle(scope: string, wall: number | undefined): string {
  if (wall !== undefined) return `${wall} · ${WALLS[wall - 1]?.name ?? scope}`;
  return SCOPE_TITLES[scope] ?? scope;
}

/** The title of the group a cell belongs to ("1 · Compute", "Scenario inputs"). */
export function cellGroupTitle(def: CellDef): string {
  return groupTitle(cellScope(def.id), def.wall);
}

const LAYERS: readonly Layer[] = ['A', 'B', 'C', 'D', 'E'];

/** The groups of a topology in reading order: layer, then wall number, then first cell. */
export function groupCells(topology: Topology): CellGroup[] {
  const byKey = new Map<string, { layer: Layer; scope: string; wall?: number; ids: string[] }>();
  for (const def of topology.order) {
    const scope = cellScope(def.id);
    const key = `${def.layer}:${scope}`;
    let g = byKey.get(key);
    if (!g) byKey.set(key, (g = { layer: def.layer, scope, wall: def.wall, ids: [] }));
    g.wall ??= def.wall;
    g.ids.push(def.id);
  }
  const groups = [...byKey.entries()].map(([key, g]) => ({ key, ...g, title: groupTitle(g.scope, g.wall) }));
  const first = (g: CellGroup) => topology.rankOf(g.ids[0]);
  return groups.sort(
    (a, b) => LAYERS.indexOf(a.layer) - LAYERS.indexOf(b.layer) || (a.wall ?? 0) - (b.wall ?? 0) || first(a) - first(b),
  );
}

interface FilterOption {
  /** "w4" for a wall, "s:scenario" for a scope outside the walls. */
  readonly value: string;
  readonly label: string;
}

/** The filters that match at least one group: every wall present, then the other scopes. */
export function filterOptions(groups: readonly CellGroup[]): FilterOption[] {
  const walls = new Set<number>();
  const scopes = new Set<string>();
  for (const g of groups) {
    if (g.wall !== undefined) walls.add(g.wall);
    else scopes.add(g.scope);
  }
  return [
    ...[...walls].sort((a, b) => a - b).map((w) => ({ value: `w${w}`, label: `Wall ${groupTitle('', w)}` })),
    ...[...scopes].map((s) => ({ value: `s:${s}`, label: SCOPE_TITLES[s] ?? s })),
  ];
}

export function matchesFilter(g: CellGroup, filter: string | undefined): boolean {
  if (!filter) return true;
  if (filter.startsWith('w')) return g.wall === Number(filter.slice(1));
  return filter === `s:${g.scope}`;
}
