/**
 * Where groups and cards go at scale: one band per layer A→E; inside a band, groups stack
 * top to bottom and wrap into a further column past MAX_COLUMN_HEIGHT; inside an open group,
 * cards fill columns of at most ROWS_PER_COLUMN. Only what is shown is placed, and edges are
 * drawn only between placed cards. Pure geometry (no DOM).
 */
import type { Layer, Topology } from '../../graph/index.js';
import { type CellBox, type EdgePath, LAYER_NAMES, type LayerBand } from './geometry.js';
import type { CellGroup } from './groups.js';

interface GroupSize {
  readonly cardWidth: number;
  readonly cardHeight: number;
  readonly gap: number;
  readonly pad: number;
  readonly header: number;
  readonly collapsedHeight: number;
  readonly groupGap: number;
  readonly bandGap: number;
  readonly bandHeader: number;
}

export const GROUP_SIZE: GroupSize = {
  cardWidth: 220, cardHeight: 84, gap: 8, pad: 8, header: 34, collapsedHeight: 62, groupGap: 14, bandGap: 56, bandHeader: 40,
};
const ROWS_PER_COLUMN = 12;
const MAX_COLUMN_HEIGHT = 1500;

/** A group as shown: its cells (in order), or null when collapsed. */
export interface ShownGroup {
  readonly group: CellGroup;
  readonly cells: readonly string[] | null;
}

export interface GroupBox {
  readonly group: CellGroup;
  readonly collapsed: boolean;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

interface GroupLayout {
  readonly size: GroupSize;
  readonly groups: readonly GroupBox[];
  readonly boxes: ReadonlyMap<string, CellBox>;
  readonly bands: readonly LayerBand[];
  readonly edges: readonly EdgePath[];
  readonly width: number;
  readonly height: number;
}

function groupGeometry(cells: readonly string[] | null, s: GroupSize): { cols: number; rows: number; width: number; height: number } {
  if (cells === null) return { cols: 1, rows: 0, width: s.cardWidth + 2 * s.pad, height: s.collapsedHeight };
  const cols = Math.max(1, Math.ceil(cells.length / ROWS_PER_COLUMN));
  const rows = Math.ceil(cells.length / cols);
  return {
    cols, rows,
    width: 2 * s.pad + cols * s.cardWidth + (cols - 1) * s.gap,
    height: s.header + s.pad + rows * (s.cardHeight + s.gap) - s.gap + s.pad,
  };
}

export function layoutGroups(topology: Topology, shown: readonly ShownGroup[], s: GroupSize = GROUP_SIZE): GroupLayout {
  const groups: GroupBox[] = [];
  const boxes = new Map<string, CellBox>();
  const bands: LayerBand[] = [];
  let x = s.pad;
  let height = 0;
  let column = 0;
  for (const layer of ['A', 'B', 'C', 'D', 'E'] as Layer[]) {
    const inLayer = shown.filter((g) => g.group.layer === layer);
    if (!inLayer.length) continue;
    const bandX = x;
    const top = s.pad + s.bandHeader;
    let y = top;
    let colWidth = 0;
    for (const { group, cells } of inLayer) {
      const geo = groupGeometry(cells, s);
      if (y > top && y + geo.height > MAX_COLUMN_HEIGHT) {
        x += colWidth + s.groupGap;
        y = top;
        colWidth = 0;
        column++;
      }
      groups.push({ group, collapsed: cells === null, x, y, width: geo.width, height: geo.height });
      (cells ?? []).forEach((id, i) => {
        const c = Math.floor(i / geo.rows);
        const r = i % geo.rows;
        const cx = x + s.pad + c * (s.cardWidth + s.gap);
        const cy = y + s.header + s.pad + r * (s.cardHeight + s.gap);
        boxes.set(id, { id, layer, column, x: cx, y: cy });
      });
      y += geo.height + s.groupGap;
      colWidth = Math.max(colWidth, geo.width);
      height = Math.max(height, y);
    }
    x += colWidth;
    bands.push({ layer, name: LAYER_NAMES[layer], x: bandX - s.pad / 2, width: x - bandX + s.pad });
    x += s.bandGap;
    column++;
  }
  const edges: EdgePath[] = [];
  for (const [id, to] of boxes) {
    for (const from of topology.inputsOf(id)) {
      const f = boxes.get(from);
      if (f) edges.push({ from, to: id, d: edgePath(f, to, s) });
    }
  }
  return { size: s, groups, boxes, bands, edges, width: x - s.bandGap + s.pad, height: height + s.pad };
}

function edgePath(from: CellBox, to: CellBox, s: GroupSize): string {
  const x1 = from.x + s.cardWidth;
  const y1 = from.y + s.cardHeight / 2;
  const x2 = to.x;
  const y2 = to.y + s.cardHeight / 2;
  const bend = Math.max(40, Math.abs(x2 - x1) / 2);
  return `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`;
}
