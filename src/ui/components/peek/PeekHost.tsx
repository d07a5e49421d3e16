/**
 * The math peek on every number: hover a number (a card's value, a scorecard or headline
 * metric, a trace row, the inspector's value, a story row) or focus it with the keyboard, and
 * after a moment its formula with the numbers substituted, its inputs and its source appear
 * beside it (PeekCard). Escape or moving away closes it; moving onto the peek keeps it open, so
 * its source link can be followed. One listener on the document, so no panel wires it.
 */
import { type Accessor, createSignal, type JSX, lazy, onCleanup, onMount, Show, Suspense } from 'solid-js';
import type { LiveGraph } from '../../../graph/index.js';
// The card (and the explanation it builds) loads with the first peek, not with the page.
const PeekCard = lazy(() => import('./PeekCard.jsx').then((m) => ({ default: m.PeekCard })));
import { peekTarget } from './target.js';
import './peek.css';

interface PeekHostProps {
  readonly graph: Accessor<LiveGraph>;
  /** Bumped after every edit and rebuild (the peek re-reads its numbers). */
  readonly version: Accessor<number>;
  /** How long a pointer rests on a number before its peek opens (ms). */
  readonly delayMs?: number;
}

interface Open {
  readonly id: string;
  readonly left: number;
  readonly top: number;
  readonly anchor: Element;
}

const WIDTH = 380;

export function PeekHost(props: PeekHostProps): JSX.Element {
  const [open, setOpen] = createSignal<Open>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let card: HTMLDivElement | undefined;
  const delay = () => props.delayMs ?? 450;

  const place = (anchor: Element, id: string): Open => {
    const r = anchor.getBoundingClientRect();
    const vw = document.documentElement.clientWidth || window.innerWidth;
    const vh = document.documentElement.clientHeight || window.innerHeight;
    const left = Math.max(8, Math.min(r.left, vw - WIDTH - 8));
    // Below the number, or above it when the lower part of the window is short.
    const top = r.bottom + 6 + 260 > vh && r.top > vh / 2 ? Math.max(8, r.top - 6 - 260) : r.bottom + 6;
    return { id, left, top, anchor };
  };
  const close = () => {
    clearTimeout(timer);
    const o = open();
    o?.anchor.removeAttribute('aria-describedby');
    setOpen(undefined);
  };
  const show = (el: Element | null, ms: number) => {
    const t = peekTarget(el);
    if (!t || !props.graph().has(t.id)) return;
    clearTimeout(timer);
    if (open()?.anchor === t.anchor) return;
    timer = setTimeout(() => {
      open()?.anchor.removeAttribute('aria-describedby');
      t.anchor.setAttribute('aria-describedby', 'math-peek');
      setOpen(place(t.anchor, t.id));
    }, ms);
  };
  const leave = (to: EventTarget | null) => {
    clearTimeout(timer);
    if (to instanceof Node && card?.contains(to)) return;
    const o = open();
    if (o && to instanceof Node && o.anchor.contains(to)) return;
    timer = setTimeout(close, 250);
  };

  onMount(() => {
    const over = (e: PointerEvent) => {
      if (card?.contains(e.target as Node)) return clearTimeout(timer);
      show(e.target as Element, delay());
    };
    const out = (e: PointerEvent) => {
      if (peekTarget(e.target as Element) || card?.contains(e.target as Node)) leave(e.relatedTarget);
    };
    // A field being typed into keeps its peek to hover: it would cover what is typed.
    const focus = (e: FocusEvent) => {
      if (!(e.target instanceof Element) || e.target.closest('input, textarea, select')) return;
      show(e.target, Math.min(delay(), 300));
    };
    const blur = (e: FocusEvent) => leave(e.relatedTarget);
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && open()) close();
    };
    document.addEventListener('pointerover', over);
    document.addEventListener('pointerout', out);
    document.addEventListener('focusin', focus);
    document.addEventListener('focusout', blur);
    document.addEventListener('keydown', key);
    onCleanup(() => {
      clearTimeout(timer);
      document.removeEventListener('pointerover', over);
      document.removeEventListener('pointerout', out);
      document.removeEventListener('focusin', focus);
      document.removeEventListener('focusout', blur);
      document.removeEventListener('keydown', key);
    });
  });

  return (
    <Show when={open()} keyed>
      {(o) => (
        <div
          ref={card}
          id="math-peek"
          class="math-peek"
          role="tooltip"
          data-math-peek={o.id}
          style={{ left: `${o.left}px`, top: `${o.top}px`, width: `${WIDTH}px` }}
          onPointerLeave={(e) => leave(e.relatedTarget)}
        >
          <Show when={props.graph().has(o.id)}>
            <Suspense fallback={<p class="peek-doc">…</p>}>
              <PeekCard graph={props.graph()} id={o.id} tick={props.version()} />
            </Suspense>
          </Show>
        </div>
      )}
    </Show>
  );
}
