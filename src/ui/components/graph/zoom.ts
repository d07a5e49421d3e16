/**
 * Pan and zoom of the graph: a drag on the pane pans, the wheel zooms about the pointer (a
 * trackpad pinch arrives as a wheel event with ctrlKey), two fingers on a touch screen pinch;
 * the transform is applied to the canvas (cards stay HTML). Dragging on a field, button or
 * link does not pan, so editing keeps working, and a drag that moved does not click the card
 * it ends on. Written by hand rather than with d3-zoom, which brings d3-selection,
 * d3-transition, d3-drag and d3-timer into the page's first load (about 11 kB gzip of
 * script, docs/performance.md §7c) for these few gestures. The wheel's step follows d3-zoom's
 * (2^(−deltaY · 0.002) per pixel, × 10 with ctrlKey).
 */

const ZOOM_EXTENT: readonly [number, number] = [0.15, 2.5];
/** A press that moves less than this (px) is a click, not a pan. */
const CLICK_SLOP = 3;

/** The canvas's placement: screen = canvas · k + (x, y). */
export interface ZoomTransform {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

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

const clampScale = (k: number): number => Math.min(ZOOM_EXTENT[1], Math.max(ZOOM_EXTENT[0], k));

/** `t` scaled to `k` (within the extent) about the pane point (px, py), which stays where it is. */
function zoomAbout(t: ZoomTransform, k: number, px: number, py: number): ZoomTransform {
  const k1 = clampScale(k);
  return { k: k1, x: px - ((px - t.x) * k1) / t.k, y: py - ((py - t.y) * k1) / t.k };
}

export function attachPanZoom(pane: HTMLElement, canvas: HTMLElement, onZoom?: (t: ZoomTransform) => void): PanZoom {
  let current: ZoomTransform = { x: 0, y: 0, k: 1 };
  const apply = (t: ZoomTransform): void => {
    current = t;
    canvas.style.transform = `translate(${t.x}px, ${t.y}px) scale(${t.k})`;
    onZoom?.(t);
  };
  const size = () => ({ w: pane.clientWidth || 1200, h: pane.clientHeight || 800 });
  const local = (e: { clientX: number; clientY: number }) => {
    const r = pane.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  const onWheel = (e: WheelEvent): void => {
    e.preventDefault();
    const delta = -e.deltaY * (e.deltaMode === 1 ? 0.05 : e.deltaMode ? 1 : 0.002) * (e.ctrlKey ? 10 : 1);
    const p = local(e);
    apply(zoomAbout(current, current.k * 2 ** delta, p.x, p.y));
  };

  // Pointers down on the pane (not on a field or button): one pans, two pinch.
  const down = new Map<number, { x: number; y: number }>();
  let moved = 0;
  const onPointerDown = (e: PointerEvent): void => {
    if (down.size === 0) moved = 0;
    if (e.button !== 0 || (e.target as Element | null)?.closest(NO_PAN)) return;
    down.set(e.pointerId, local(e));
  };
  const onPointerMove = (e: PointerEvent): void => {
    const last = down.get(e.pointerId);
    if (!last) return;
    const p = local(e);
    // Captured only once it is a pan: a captured press would click the pane, not the card under it.
    if (moved >= CLICK_SLOP && !pane.hasPointerCapture?.(e.pointerId)) pane.setPointerCapture?.(e.pointerId);
    if (down.size === 1) {
      moved += Math.abs(p.x - last.x) + Math.abs(p.y - last.y);
      apply({ ...current, x: current.x + p.x - last.x, y: current.y + p.y - last.y });
    } else {
      const other = [...down.entries()].find(([id]) => id !== e.pointerId)![1];
      const before = Math.hypot(last.x - other.x, last.y - other.y) || 1;
      const after = Math.hypot(p.x - other.x, p.y - other.y);
      moved += CLICK_SLOP;
      apply(zoomAbout(current, (current.k * after) / before, (p.x + other.x) / 2, (p.y + other.y) / 2));
    }
    down.set(e.pointerId, p);
  };
  const onPointerUp = (e: PointerEvent): void => {
    down.delete(e.pointerId);
  };
  /** A pan that ends over a card must not select it. */
  const onClick = (e: MouseEvent): void => {
    if (moved >= CLICK_SLOP) {
      e.stopPropagation();
      e.preventDefault();
    }
    moved = 0;
  };

  pane.style.touchAction = 'none';
  pane.addEventListener('wheel', onWheel, { passive: false });
  pane.addEventListener('pointerdown', onPointerDown);
  pane.addEventListener('pointermove', onPointerMove);
  pane.addEventListener('pointerup', onPointerUp);
  pane.addEventListener('pointercancel', onPointerUp);
  pane.addEventListener('click', onClick, true);

  return {
    centerOn(x, y, w, h, minScale = 0.8) {
      const { w: pw, h: ph } = size();
      const k = Math.max(current.k, minScale);
      apply({ k, x: pw / 2 - k * (x + w / 2), y: ph / 2 - k * (y + h / 2) });
    },
    inView(x, y, w, h) {
      const { w: pw, h: ph } = size();
      const t = current;
      return t.x + t.k * x >= 0 && t.y + t.k * y >= 0 && t.x + t.k * (x + w) <= pw && t.y + t.k * (y + h) <= ph;
    },
    fitWidth(width, min = 0.45, max = 1) {
      const k = Math.min(max, Math.max(min, (size().w - 16) / Math.max(1, width)));
      apply({ k, x: 8, y: 8 });
    },
    zoomBy(factor) {
      const { w, h } = size();
      apply(zoomAbout(current, current.k * factor, w / 2, h / 2));
    },
    transform: () => current,
    dispose() {
      pane.removeEventListener('wheel', onWheel);
      pane.removeEventListener('pointerdown', onPointerDown);
      pane.removeEventListener('pointermove', onPointerMove);
      pane.removeEventListener('pointerup', onPointerUp);
      pane.removeEventListener('pointercancel', onPointerUp);
      pane.removeEventListener('click', onClick, true);
    },
  };
}
