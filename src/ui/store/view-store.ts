/**
 * How the graph is shown, apart from the model: which groups are open, the wall / scope
 * filter, focus mode (only the selected cell's cones), presentation mode, and requests to
 * bring a cell into view (search, wall board, walking the graph).
 */
import { type Accessor, createSignal } from 'solid-js';
import { type CellGroup, DEFAULT_EXPANDED_SCOPES } from '../layout/index.js';

interface RevealRequest {
  readonly id: string;
  /** Increases with every request, so asking for the same cell twice scrolls twice. */
  readonly seq: number;
}

export interface ViewStore {
  readonly filter: Accessor<string | undefined>;
  setFilter(f: string | undefined): void;
  readonly focus: Accessor<boolean>;
  setFocus(on: boolean): void;
  readonly presentation: Accessor<boolean>;
  setPresentation(on: boolean): void;
  isExpanded(g: CellGroup): boolean;
  setExpanded(keys: readonly string[], open: boolean): void;
  readonly reveal: Accessor<RevealRequest | undefined>;
  requestReveal(id: string): void;
}

interface ViewOptions {
  readonly filter?: string;
  readonly focus?: boolean;
  readonly presentation?: boolean;
}

export function createViewStore(options: ViewOptions = {}): ViewStore {
  const [filter, setFilter] = createSignal(options.filter);
  const [focus, setFocus] = createSignal(options.focus ?? false);
  const [presentation, setPresentation] = createSignal(options.presentation ?? false);
  // Only the groups the user opened or closed; the rest follow DEFAULT_EXPANDED_SCOPES.
  const [open, setOpen] = createSignal<ReadonlyMap<string, boolean>>(new Map());
  const [reveal, setReveal] = createSignal<RevealRequest>();
  let seq = 0;
  return {
    filter,
    setFilter: (f) => setFilter(f || undefined),
    focus,
    setFocus,
    presentation,
    setPresentation,
    isExpanded: (g) => open().get(g.key) ?? DEFAULT_EXPANDED_SCOPES.has(g.scope),
    setExpanded(keys, on) {
      const next = new Map(open());
      for (const k of keys) next.set(k, on);
      setOpen(next);
    },
    reveal,
    requestReveal: (id) => setReveal({ id, seq: ++seq }),
  };
}
