/**
 * The graph's pan and zoom (components/graph/zoom.ts) on a bare pane: the wheel zooms about
 * the pointer (the point under it stays put), a drag pans and does not click what it ends on,
 * a press on a field does not pan, and the zoom stays within 15 %–250 %. Expected transforms
 * are worked out by hand from screen = canvas · k + (x, y).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { attachPanZoom, type PanZoom } from '../../src/ui/components/graph/zoom.js';

let zoom: PanZoom | undefined;
let pane: HTMLDivElement;
let canvas: HTMLDivElement;
afterEach(() => {
  zoom?.dispose();
  pane.remove();
});

function mount(): PanZoom {
  pane = document.createElement('div');
  canvas = document.createElement('div');
  pane.append(canvas);
  document.body.append(pane);
  zoom = attachPanZoom(pane, canvas);
  return zoom;
}

/** jsdom has no PointerEvent: a MouseEvent of the pointer type with a pointer id. */
function pointer(type: string, target: Element, x: number, y: number, id = 1): void {
  const e = new MouseEvent(type, { bubbles: true, cancelable: true, clientX: x, clientY: y, button: 0 });
  Object.defineProperty(e, 'pointerId', { value: id });
  target.dispatchEvent(e);
}

describe('graph pan and zoom', () => {
  it('the wheel zooms about the pointer: 500 px of wheel up doubles the scale and keeps the pointed spot', () => {
    const z = mount();
    // delta = 500 px · 0.002 = 1 → k = 1 · 2^1 = 2; the point (100, 50) stays: x = 100 − 100 · 2 = −100, y = 50 − 50 · 2 = −50.
    pane.dispatchEvent(new WheelEvent('wheel', { deltaY: -500, deltaMode: 0, clientX: 100, clientY: 50, bubbles: true, cancelable: true }));
    expect(z.transform()).toEqual({ k: 2, x: -100, y: -50 });
    expect(canvas.style.transform).toBe('translate(-100px, -50px) scale(2)');
  });

  it('a drag pans by the distance moved and does not click the card it ends on; a press on a field does not pan', () => {
    const z = mount();
    const card = document.createElement('div');
    const field = document.createElement('input');
    canvas.append(card, field);
    let clicks = 0;
    card.addEventListener('click', () => clicks++);
    pointer('pointerdown', card, 10, 10);
    pointer('pointermove', card, 40, 30);
    pointer('pointerup', card, 40, 30);
    card.click();
    expect(z.transform()).toEqual({ k: 1, x: 30, y: 20 });
    expect(clicks).toBe(0);
    // A press without movement is a click.
    pointer('pointerdown', card, 40, 30);
    pointer('pointerup', card, 40, 30);
    card.click();
    expect(clicks).toBe(1);
    pointer('pointerdown', field, 0, 0);
    pointer('pointermove', field, 50, 50);
    pointer('pointerup', field, 50, 50);
    expect(z.transform()).toEqual({ k: 1, x: 30, y: 20 });
  });

  it('zoom buttons scale about the pane centre, within 15 %–250 %; fit to width starts at the top left', () => {
    const z = mount(); // jsdom lays out nothing: the pane counts as 1200 × 800, centre (600, 400)
    z.zoomBy(2);
    expect(z.transform()).toEqual({ k: 2, x: 600 - 600 * 2, y: 400 - 400 * 2 });
    z.zoomBy(100);
    expect(z.transform().k).toBe(2.5);
    z.zoomBy(0.001);
    expect(z.transform().k).toBe(0.15);
    // 2,368 px of graph in a 1,200 px pane: (1200 − 16) / 2368 = 0.5.
    z.fitWidth(2368);
    expect(z.transform()).toEqual({ k: 0.5, x: 8, y: 8 });
    expect(z.inView(0, 0, 100, 100)).toBe(true);
    expect(z.inView(2368, 0, 100, 100)).toBe(false);
  });
});
