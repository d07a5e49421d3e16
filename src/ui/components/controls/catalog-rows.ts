/** The zoo's rows as pick-list rows: id, display name, and a short line of headline figures. */
import { zoo, type ZooKind, type ZooRow } from '../../../registry/index.js';
import type { PickRow } from './CatalogPicker.jsx';

/** The columns shown beside each kind's rows in a picker. */
const DETAIL: Readonly<Partial<Record<ZooKind, readonly string[]>>> = {
  model: ['params', 'family'],
  hardware: ['peak', 'memory'],
  grid: ['carbon', 'pue'],
  cluster: ['accelerators', 'node'],
  node: ['accelerator', 'gpus'],
};

function toPick(row: ZooRow, keys: readonly string[]): PickRow {
  const figures = keys.map((k) => row.cells[k]?.display).filter((d): d is string => d !== undefined && d !== '—');
  return { id: row.id, name: row.display_name, detail: [row.category, ...figures].filter(Boolean).join(' · ') };
}

const cache = new Map<ZooKind, readonly PickRow[]>();

export function pickRows(kind: ZooKind): readonly PickRow[] {
  let rows = cache.get(kind);
  if (!rows) cache.set(kind, (rows = zoo(kind).rows.map((r) => toPick(r, DETAIL[kind] ?? []))));
  return rows;
}

/** Clusters then nodes: what `system:` accepts. */
export function systemRows(): readonly PickRow[] {
  return [...pickRows('cluster'), ...pickRows('node')];
}
