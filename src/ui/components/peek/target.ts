/**
 * Which cell a number on the page shows, so the math peek can open on any of them without
 * each panel wiring it: an element marked `data-peek`, a card's value, a scorecard or headline
 * metric, a trace row or a cell link, the inspector's big value.
 */

export interface PeekTarget {
  /** The cell id. */
  readonly id: string;
  /** The element the peek sits beside. */
  readonly anchor: Element;
}

const attr = (el: Element | null, name: string): PeekTarget | undefined => {
  const id = el?.getAttribute(name);
  return el && id ? { id, anchor: el } : undefined;
};

/** The cell behind the number at `el` (or an ancestor of it), if any. */
export function peekTarget(el: Element | null): PeekTarget | undefined {
  if (!el) return undefined;
  const own = attr(el.closest('[data-peek]'), 'data-peek');
  if (own) return own;
  const value = el.closest('.cell-card .cell-value');
  if (value) {
    const card = value.closest('.cell-card');
    const id = card?.getAttribute('data-cell');
    if (id) return { id, anchor: value };
  }
  const big = el.closest('[data-inspector-value]');
  if (big) {
    const id = big.closest('[data-inspecting]')?.getAttribute('data-inspecting');
    if (id) return { id, anchor: big };
  }
  return attr(el.closest('.metric-button[data-cell]'), 'data-cell')
    ?? attr(el.closest('[data-headline-cell]'), 'data-headline-cell')
    ?? attr(el.closest('[data-link]'), 'data-link');
}
