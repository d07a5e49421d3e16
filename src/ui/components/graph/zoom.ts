/**
 * Pan and zoom of the graph: d3-zoom on the pane, the transform applied to the canvas (cards
 * stay HTML). Dragging on a field, button or link does not pan, so editing keeps working.
 */
import { select, type Selection, zoom, type ZoomBehavior, zoomIdentity, type ZoomTransform } from 'd3';

const ZOOM_EXTENT: readonly [number, number] = [0.15, 2.5];

export interface PanZoom {
  /** Centres the rectangle (canvas coordinates), keeping the zoom (at least `minScale`). */
  centerOn(x: number, y: number, w: number, h: number, minScale?: number): void;
  /** True when the rectangle is fully inside the pane. */
  inView(x: number, y: number, w: number, h: number): boolean;
  /** Scales so `width` fits the pane (within `[min, max]`), from the top left. */
  fitWidth(width: number, min?: number, max?: number): void;
  zoomBy(factor: number): void;
  readonly transform: () => ZoomTransform;
  dispose(): void;
}

const NO_PAN = 'input, textarea, select, button, a, [data-no-pan]';

export function attachPanZoom(pane: HTMLElement, canvas: HTMLElement, onZoom?: (t: ZoomTransform) => void): PanZoom {
  let current = zoomIdentity;
  const behavior: ZoomBehavior<HTMLElement, unknown> = zoom<HTMLElement, unknown>()
    .scaleExtent([ZOOM_EXTENT[0], ZOOM_EXTENT[1]])
    .filter((event: Event) => {
      if (event.type === 'wheel') return true;
      const target = event.target as Element | null;
      return !(event as MouseEvent).button && !target?.closest(NO_PAN);
    })
    .on('zoom', (e: { transform: ZoomTransform }) => {
      current = e.transform;
      canvas.style.transform = `translate(${current.x}px, ${current.y}px) scale(${current.k})`;
      onZoom?.(current);
    });
  const sel: Selection<HTMLElement, unknown, null, undefined> = select(pane);
  sel.call(behavior).on('dblclick.zoom', null);
  const size = () => ({ w: pane.clientWidth || 1200, h: pane.clientHeight || 800 });
  return {
    centerOn(x, y, w, h, minScale = 0.8) {
      const { w: pw, h: ph } = size();
      const k = Math.max(current.k, minScale);
      behavior.transform(sel, zoomIdentity.translate(pw / 2 - k * (x + w / 2), ph / 2 - k * (y + h / 2)).scale(k));
    },
    inView(x, y, w, h) {
      const { w: pw, h: ph } = size();
      const t = current;
      return t.applyX(x) >= 0 && t.applyY(y) >= 0 && t.applyX(x + w) <= pw && t.applyY(y + h) <= ph;
    },
    fitWidth(width, min = 0.45, max = 1) {
      const k = Math.min(max, Math.max(min, (size().w - 16) / Math.max(1, width)));
      behavior.transform(sel, zoomIdentity.translate(8, 8).scale(k));
    },
    zoomBy(factor) {
      behavior.scaleBy(sel, factor);
    },
    transform: () => current,
    dispose() {
      sel.on('.zoom', null);
    },
  };
}
