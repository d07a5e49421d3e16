/**
 * The edges of the graph as SVG paths behind the cards. An edge lights up when both ends
 * changed in the last edit (the cause-and-effect path), and is emphasised when it lies in
 * the cone of the selected cell.
 */
import { For, type JSX } from 'solid-js';
import type { EdgePath } from '../layout/index.js';
import type { WorkbenchStore } from '../store/index.js';

interface EdgesProps {
  readonly store: WorkbenchStore;
  readonly edges: readonly EdgePath[];
  readonly width: number;
  readonly height: number;
}

export function Edges(props: EdgesProps): JSX.Element {
  const lit = (e: EdgePath) => props.store.isLit(e.from) && props.store.isLit(e.to);
  const upstream = (e: EdgePath) => {
    const to = props.store.relation(e.to);
    return (to === 'selected' || to === 'upstream') && props.store.relation(e.from) === 'upstream';
  };
  const downstream = (e: EdgePath) => {
    const from = props.store.relation(e.from);
    return (from === 'selected' || from === 'downstream') && props.store.relation(e.to) === 'downstream';
  };
  return (
    <svg class="edges" width={props.width} height={props.height} aria-hidden="true">
      <defs>
        <marker id="edge-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" />
        </marker>
      </defs>
      <For each={props.edges}>
        {(e) => (
          <path
            class="edge"
            classList={{ lit: lit(e), upstream: upstream(e), downstream: downstream(e) }}
            data-edge={`${e.from}->${e.to}`}
            d={e.d}
            marker-end="url(#edge-arrow)"
          />
        )}
      </For>
    </svg>
  );
}
