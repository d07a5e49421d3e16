/**
 * What is on screen, and values that wait while they are not. During a drag every edit changes
 * cells all over the page — trace rows scrolled out of the sidebar, cards outside the graph
 * pane — and writing them all costs most of a frame. `holdWhileHidden` lets such a view keep
 * what it shows until it scrolls into view or the drag pauses (store/burst.ts), so a frame
 * writes only what can be seen; after the pause everything shows the last edit.
 */
import { type Accessor, createMemo, createSignal, onCleanup, type Setter } from 'solid-js';

/** 200 px around the window: a row scrolled a little into view is already up to date. */
const MARGIN = '200px';

let observer: IntersectionObserver | undefined;
const watchers = new WeakMap<Element, Setter<boolean>>();

function sharedObserver(): IntersectionObserver | undefined {
  if (typeof IntersectionObserver === 'undefined') return undefined;
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) watchers.get(e.target)?.(e.isIntersecting);
    },
    { rootMargin: MARGIN },
  );
  return observer;
}

interface InView {
  /**
   * Whether the element is within the window (and not clipped away by a scrolling or clipping
   * ancestor), to 200 px. True until the first observation, and always where the browser has
   * no IntersectionObserver (jsdom): a view then simply never waits.
   */
  readonly inView: Accessor<boolean>;
  /** Pass as the element's `ref`: observing starts with the element and ends with its owner. */
  readonly ref: (el: Element) => void;
}

export function createInView(): InView {
  const [inView, setInView] = createSignal(true);
  const ref = (el: Element): void => {
    const io = sharedObserver();
    if (!io) return;
    watchers.set(el, setInView);
    io.observe(el);
    onCleanup(() => {
      io.unobserve(el);
      watchers.delete(el);
    });
  };
  return { inView, ref };
}

/**
 * `source`, except that while `busy` (a burst of edits) and not `inView` it keeps returning
 * what it returned last, without reading `source` — so the views reading it are not woken.
 * It catches up as soon as either changes: the view scrolls into sight, or the edits pause.
 * Without `busy` (a view used outside the workbench) it simply follows `source`.
 */
export function holdWhileHidden<T>(source: Accessor<T>, inView: Accessor<boolean>, busy?: Accessor<boolean>): Accessor<T> {
  let shown: { value: T } | undefined;
  return createMemo(() => {
    if (shown && busy?.() && !inView()) return shown.value;
    shown = { value: source() };
    return shown.value;
  });
}
