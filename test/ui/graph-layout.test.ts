import { describe, expect, it } from 'vitest';
import { LiveGraph } from '../../src/graph/index.js';
import { rooflineExample } from '../../src/ui/examples/index.js';
import { DEFAULT_SIZE, layoutGraph } from '../../src/ui/layout/index.js';

const topology = new LiveGraph(rooflineExample.cells).topology;

describe('layoutGraph(topology)', () => {
  const layout = layoutGraph(topology);

  it('places every cell once, in a band for each non-empty layer, A→E', () => {
    expect([...layout.boxes.keys()].sort()).toEqual([...topology.ids].sort());
    expect(layout.bands.map((b) => b.layer)).toEqual(['A', 'B', 'E']);
    for (const box of layout.boxes.values()) {
      const band = layout.bands.find((b) => b.layer === box.layer)!;
      expect(box.x).toBeGreaterThanOrEqual(band.x);
      expect(box.x + DEFAULT_SIZE.cardWidth).toBeLessThanOrEqual(band.x + band.width);
    }
  });

  it('puts every cell to the right of the cells it reads', () => {
    for (const id of topology.ids) {
      for (const i of topology.inputsOf(id)) expect(layout.boxes.get(i)!.x, `${i} → ${id}`).toBeLessThan(layout.boxes.get(id)!.x);
    }
  });

  it('never overlaps two cards and keeps them inside the canvas', () => {
    const boxes = [...layout.boxes.values()];
    for (const a of boxes) {
      expect(a.x + DEFAULT_SIZE.cardWidth).toBeLessThanOrEqual(layout.width);
      expect(a.y + DEFAULT_SIZE.cardHeight).toBeLessThanOrEqual(layout.height);
      for (const b of boxes) {
        if (a === b) continue;
        const apart =
          a.x + DEFAULT_SIZE.cardWidth <= b.x || b.x + DEFAULT_SIZE.cardWidth <= a.x ||
          a.y + DEFAULT_SIZE.cardHeight <= b.y || b.y + DEFAULT_SIZE.cardHeight <= a.y;
        expect(apart, `${a.id} / ${b.id}`).toBe(true);
      }
    }
  });

  it('draws one edge per declared input, from the right of the input to the left of the reader', () => {
    const declared = topology.ids.reduce((n, id) => n + topology.inputsOf(id).length, 0);
    expect(layout.edges).toHaveLength(declared);
    const e = layout.edges.find((x) => x.from === 'compute.t_memory' && x.to === 'compute.latency')!;
    const from = layout.boxes.get(e.from)!;
    const to = layout.boxes.get(e.to)!;
    expect(e.d.startsWith(`M ${from.x + DEFAULT_SIZE.cardWidth} ${from.y + DEFAULT_SIZE.cardHeight / 2} `)).toBe(true);
    expect(e.d.endsWith(` ${to.x} ${to.y + DEFAULT_SIZE.cardHeight / 2}`)).toBe(true);
  });
});
