/**
 * Where each cell card goes: one band per layer A→E (empty layers are left out), and inside
 * a band one column per dependency depth, so a cell that reads another cell of its own layer
 * sits to its right. Inside a column, cells are ordered by the mean row of their inputs
 * (barycenter), which keeps edges short and mostly uncrossed. Pure geometry: no DOM, so the
 * layout is the same in a browser, in jsdom and in an exported SVG.
 */
import type { Layer, Topology } from '../../graph/index.js';

export interface LayoutSize {
  readonly cardWidth: number;
  readonly cardHeight: number;
  /** Horizontal space between columns (where edges run). */
  readonly columnGap: number;
  readonly rowGap: number;
  /** Space above the first row for the layer headings. */
  readonly headerHeight: number;
  readonly padding: number;
}

export const DEFAULT_SIZE: LayoutSize = {
  cardWidth: 240,
  cardHeight: 112,
  columnGap: 64,
  rowGap: 18,
  headerHeight: 44,
  padding: 16,
};

export const LAYER_NAMES: Readonly<Record<Layer, string>> = {
  A: 'Workload',
  B: 'Hardware',
  C: 'Infrastructure',
  D: 'System',
  E: 'Resolvers',
};

export interface CellBox {
  readonly id: string;
  readonly layer: Layer;
  readonly column: number;
  readonly x: number;
  readonly y: number;
}

export interface LayerBand {
  readonly layer: Layer;
  readonly name: string;
  readonly x: number;
  readonly width: number;
}

export interface EdgePath {
  readonly from: string;
  readonly to: string;
  /** SVG path data: a cubic curve from the right edge of `from` to the left edge of `to`. */
  readonly d: string;
}

export interface GraphLayout {
  readonly size: LayoutSize;
  readonly boxes: ReadonlyMap<string, CellBox>;
  readonly bands: readonly LayerBand[];
  readonly edges: readonly EdgePath[];
  readonly width: number;
  readonly height: number;
}

const LAYERS: readonly Layer[] = ['A', 'B', 'C', 'D', 'E'];

/** Depth of each cell inside its layer: 0 unless it reads a cell of the same layer. */
function depthsInLayer(topology: Topology): Map<string, number> {
  const depth = new Map<string, number>();
  for (const def of topology.order) {
    let d = 0;
    for (const i of topology.inputsOf(def.id)) {
      if (topology.def(i).layer === def.layer) d = Math.max(d, depth.get(i)! + 1);
    }
    depth.set(def.id, d);
  }
  return depth;
}

export function layoutGraph(topology: Topology, size: LayoutSize = DEFAULT_SIZE): GraphLayout {
  const depth = depthsInLayer(topology);
  const byLayer = topology.byLayer();
  // Columns in reading order, each a list of ids in topological order.
  const columns: { layer: Layer; ids: string[] }[] = [];
  const bands: LayerBand[] = [];
  const step = size.cardWidth + size.columnGap;
  for (const layer of LAYERS) {
    const ids = byLayer.get(layer);
    if (!ids?.length) continue;
    const first = columns.length;
    const count = Math.max(...ids.map((id) => depth.get(id)!)) + 1;
    for (let c = 0; c < count; c++) columns.push({ layer, ids: ids.filter((id) => depth.get(id) === c) });
    bands.push({ layer, name: LAYER_NAMES[layer], x: size.padding + first * step, width: count * step - size.columnGap });
  }

  // Rows are centred against the tallest column so edges run level; `row` holds the centred
  // row of every placed cell, which is what the barycenter of the next columns compares.
  const tallest = Math.max(1, ...columns.map((col) => col.ids.length));
  const row = new Map<string, number>();
  const rowsOf = columns.map((col) => {
    const key = (id: string): number => {
      const rows = topology.inputsOf(id).map((i) => row.get(i)).filter((r): r is number => r !== undefined);
      return rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : Number.NEGATIVE_INFINITY;
    };
    // Stable sort: cells without placed inputs keep their topological order.
    const ordered = [...col.ids].sort((a, b) => key(a) - key(b));
    const offset = (tallest - ordered.length) / 2;
    ordered.forEach((id, r) => row.set(id, r + offset));
    return ordered;
  });

  const pitch = size.cardHeight + size.rowGap;
  const boxes = new Map<string, CellBox>();
  rowsOf.forEach((ids, c) => {
    const top = size.padding + size.headerHeight;
    ids.forEach((id) => {
      boxes.set(id, { id, layer: columns[c].layer, column: c, x: size.padding + c * step, y: top + row.get(id)! * pitch });
    });
  });

  const edges: EdgePath[] = [];
  for (const def of topology.order) {
    const to = boxes.get(def.id)!;
    for (const from of topology.inputsOf(def.id)) edges.push({ from, to: def.id, d: edgePath(boxes.get(from)!, to, size) });
  }

  return {
    size,
    boxes,
    bands,
    edges,
    width: size.padding * 2 + columns.length * step - size.columnGap,
    height: size.padding * 2 + size.headerHeight + tallest * pitch - size.rowGap,
  };
}

function edgePath(from: CellBox, to: CellBox, size: LayoutSize): string {
  const x1 = from.x + size.cardWidth;
  const y1 = from.y + size.cardHeight / 2;
  const x2 = to.x;
  const y2 = to.y + size.cardHeight / 2;
  const bend = Math.max(size.columnGap / 2, Math.abs(x2 - x1) / 2);
  return `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`;
}
