/**
 * The graph: layer bands A→E, edges from inputs to the cells that read them, and a card
 * per cell. The layout is computed once from the topology (it never changes while the
 * page is open); values, highlights and selection are reactive. A graph wider than its pane
 * is zoomed out to fit, down to MIN_ZOOM, and scrolls beyond that.
 */
import { createSignal, For, type JSX, onCleanup, onMount } from 'solid-js';
import { type GraphLayout, layoutGraph } from '../layout/index.js';
import type { WorkbenchStore } from '../store/index.js';
import { CellCard } from './CellCard.jsx';
import { Edges } from './Edges.jsx';

export interface GraphViewProps {
  readonly store: WorkbenchStore;
  /** Defaults to `layoutGraph(store.graph.topology)`. */
  readonly layout?: GraphLayout;
}

/** Below this the cards get too small to read from the back of a lecture hall. */
export const MIN_ZOOM = 0.7;
/** The canvas margin on each side (styles.css `.graph-canvas`). */
const CANVAS_MARGIN = 8;

export function GraphView(props: GraphViewProps): JSX.Element {
  const layout = props.layout ?? layoutGraph(props.store.graph.topology);
  const boxes = [...layout.boxes.values()];
  const [zoom, setZoom] = createSignal(1);
  let pane: HTMLDivElement | undefined;

  onMount(() => {
    // jsdom has no ResizeObserver; the graph then stays at full size.
    if (!pane || typeof ResizeObserver === 'undefined') return;
    const fit = () => {
      const room = pane!.clientWidth - 2 * CANVAS_MARGIN;
      setZoom(room > 0 ? Math.min(1, Math.max(MIN_ZOOM, room / layout.width)) : 1);
    };
    const observer = new ResizeObserver(fit);
    observer.observe(pane);
    onCleanup(() => observer.disconnect());
  });

  return (
    <div class="graph-view" ref={pane} aria-label="Cell graph">
      <div class="graph-canvas" style={{ width: `${layout.width}px`, height: `${layout.height}px`, zoom: zoom() }}>
        <For each={layout.bands}>
          {(band) => (
            <div class="layer-band" data-layer={band.layer} style={{ left: `${band.x}px`, width: `${band.width}px` }}>
              <div class="layer-title">
                <span class="layer-letter">{band.layer}</span> {band.name}
              </div>
            </div>
          )}
        </For>
        <Edges store={props.store} edges={layout.edges} width={layout.width} height={layout.height} />
        <For each={boxes}>{(box) => <CellCard store={props.store} box={box} size={layout.size} />}</For>
      </div>
    </div>
  );
}
