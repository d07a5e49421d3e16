/**
 * The static shape of a cell graph: who reads whom, cones, topological order, groupings.
 * Built once from validated definitions; immutable afterwards.
 */
import type { CellDef, Layer } from './cell.js';

export class Topology {
  /** Definitions in topological order (every cell after all its inputs). */
  readonly order: readonly CellDef[];
  private readonly byId = new Map<string, CellDef>();
  private readonly readers = new Map<string, string[]>();
  private readonly rank = new Map<string, number>();
  private readonly downCache = new Map<string, readonly string[]>();
  private readonly upCache = new Map<string, readonly string[]>();

  /** `defs` must already be validated (unique ids, inputs exist, acyclic). */
  constructor(defs: readonly CellDef[], order: readonly CellDef[]) {
    this.order = order;
    order.forEach((d, i) => this.rank.set(d.id, i));
    for (const d of defs) {
      this.byId.set(d.id, d);
      this.readers.set(d.id, []);
    }
    for (const d of order) {
      if (d.kind !== 'derived') continue;
      for (const i of d.reads) {
        // A cell may read the same input twice (x · x); it is still one dependent.
        const readers = this.readers.get(i)!;
        if (readers[readers.length - 1] !== d.id) readers.push(d.id);
      }
    }
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  def(id: string): CellDef {
    const d = this.byId.get(id);
    if (!d) throw new Error(`unknown cell ${id}`);
    return d;
  }

  get ids(): string[] {
    return this.order.map((d) => d.id);
  }

  get inputIds(): string[] {
    return this.order.filter((d) => d.kind === 'input').map((d) => d.id);
  }

  /** The ids a cell reads (empty for inputs). */
  inputsOf(id: string): readonly string[] {
    const d = this.def(id);
    return d.kind === 'derived' ? d.reads : [];
  }

  /** The cells that read this one directly, in topological order. */
  dependentsOf(id: string): readonly string[] {
    this.def(id);
    return this.readers.get(id)!;
  }

  /** Position in topological order. */
  rankOf(id: string): number {
    return this.rank.get(id) ?? -1;
  }

  /** Every cell that depends on `id`, directly or not (excluding `id`), in topological order. */
  downstream(id: string): readonly string[] {
    let hit = this.downCache.get(id);
    if (!hit) {
      hit = this.sortByRank(this.walk(id, (x) => this.readers.get(x)!));
      this.downCache.set(id, hit);
    }
    return hit;
  }

  /** Every cell `id` depends on, directly or not (excluding `id`), in topological order. */
  upstream(id: string): readonly string[] {
    let hit = this.upCache.get(id);
    if (!hit) {
      hit = this.sortByRank(this.walk(id, (x) => this.inputsOf(x)));
      this.upCache.set(id, hit);
    }
    return hit;
  }

  /** The input cells in the upstream cone of `id` (the leaves that decide its value). */
  upstreamInputs(id: string): readonly string[] {
    return this.upstream(id).filter((x) => this.byId.get(x)!.kind === 'input');
  }

  byLayer(): Map<Layer, string[]> {
    return this.group((d) => d.layer);
  }

  /** Cells grouped by wall number (0 for cells outside the walls). */
  byWall(): Map<number, string[]> {
    return this.group((d) => d.wall ?? 0);
  }

  private group<K>(key: (d: CellDef) => K): Map<K, string[]> {
    const out = new Map<K, string[]>();
    for (const d of this.order) {
      const k = key(d);
      let list = out.get(k);
      if (!list) out.set(k, (list = []));
      list.push(d.id);
    }
    return out;
  }

  private walk(start: string, next: (id: string) => readonly string[]): Set<string> {
    this.def(start);
    const seen = new Set<string>();
    const stack = [...next(start)];
    while (stack.length) {
      const x = stack.pop()!;
      if (seen.has(x)) continue;
      seen.add(x);
      for (const y of next(x)) if (!seen.has(y)) stack.push(y);
    }
    return seen;
  }

  private sortByRank(ids: Set<string>): string[] {
    return [...ids].sort((a, b) => this.rank.get(a)! - this.rank.get(b)!);
  }
}
