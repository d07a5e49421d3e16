/**
 * The graph at scale: groups (layer column × scope) that open and close, a wall / scope
 * filter, focus mode (only the selected cell's cones), search, pan and zoom. Only the shown
 * groups' cards exist in the DOM, and edges are drawn only between shown cards. Cards are
 * keyed by cell id, so re-laying out (opening a group) moves cards rather than rebuilding them.
 */
import { type Accessor, createEffect, createMemo, createSignal, For, type JSX, on, onCleanup, onMount, Show } from 'solid-js';
import type { Evaluation } from '../../../scenario/index.js';
import { DEFAULT_SIZE, groupCells, type LayoutSize, layoutGroups, matchesFilter, type ShownGroup, GROUP_SIZE } from '../../layout/index.js';
import type { ViewStore, WorkbenchStore } from '../../store/index.js';
import { CellCard } from '../CellCard.jsx';
import { Edges } from '../Edges.jsx';
import { GraphToolbar } from './GraphToolbar.jsx';
import { GroupFrame } from './GroupFrame.jsx';
import { attachPanZoom, type PanZoom } from './zoom.js';

interface ScenarioGraphProps {
  readonly store: WorkbenchStore;
  readonly view: ViewStore;
  readonly evaluation?: Accessor<Evaluation>;
}

/** Where a card sits for the instant between leaving the layout and being removed. */
const OFFSCREEN = { id: '', layer: 'A' as const, column: 0, x: -10_000, y: -10_000 };
const CARD: LayoutSize = { ...DEFAULT_SIZE, cardWidth: GROUP_SIZE.cardWidth, cardHeight: GROUP_SIZE.cardHeight };
/**
 * Below this zoom (the fit-to-width zoom of the default workbook is 45 %) a card's text would be
 * drawn 5–8 px high — hard to read — so the graph is an overview: each card a chip showing its
 * label in large type, its band, status colours and highlight; value, unit and old → new appear
 * from this zoom up (zoom in, Fit on a narrow graph, or focus mode). The trace panel, the
 * scorecard and the inspector show the numbers at any zoom. A chip's value is not drawn, so a
 * drag at the fit-to-width zoom redraws no card (docs/performance.md §7a).
 */
export const DETAIL_SCALE = 0.6;

export function ScenarioGraph(props: ScenarioGraphProps): JSX.Element {
  const topology = props.store.graph.topology;
  const groups = groupCells(topology);
  const focusing = () => props.view.focus() && props.store.selected() !== undefined;

  const shown = createMemo<ShownGroup[]>(() => {
    const sel = props.store.selected();
    if (props.view.focus() && sel !== undefined) {
      const cone = new Set([sel, ...topology.upstream(sel), ...topology.downstream(sel)]);
      return groups.map((group) => ({ group, cells: group.ids.filter((id) => cone.has(id)) })).filter((g) => g.cells.length > 0);
    }
    const filter = props.view.filter();
    return groups.filter((g) => matchesFilter(g, filter)).map((group) => ({ group, cells: props.view.isExpanded(group) ? group.ids : null }));
  });
  const layout = createMemo(() => layoutGroups(topology, shown()));
  // The walls that do not apply (SKIPPED): their cards show errors as n/a. Compared by content,
  // so the cards wake only when the set changes, not with every evaluation of a drag.
  const skipped = createMemo(
    () => new Set((props.evaluation?.().walls ?? []).filter((r) => r.status === 'SKIPPED').map((r) => r.wall)),
    new Set<number>(),
    { equals: (a, b) => a.size === b.size && [...a].every((w) => b.has(w)) },
  );
  const quiet = (id: string) => () => {
    const wall = topology.def(id).wall;
    return wall !== undefined && skipped().has(wall);
  };
  const ids = createMemo(() => [...layout().boxes.keys()]);

  let pane: HTMLDivElement | undefined;
  let canvas: HTMLDivElement | undefined;
  let zoom: PanZoom | undefined;
  const [scale, setScale] = createSignal(1);
  /** Cards show their old → new line only at a zoom where it can be read (cards wake only when this flips). */
  const detailed = createMemo(() => scale() >= DETAIL_SCALE);
  onMount(() => {
    zoom = attachPanZoom(pane!, canvas!, (t) => setScale(t.k));
    zoom.fitWidth(Math.min(layout().width, 2400));
    onCleanup(() => zoom?.dispose());
  });

  // Bring a requested cell into view once the layout shows it (only pan when it is off-screen).
  createEffect(
    on(
      () => props.view.reveal(),
      (r) => {
        const box = r ? layout().boxes.get(r.id) : undefined;
        if (!box || !zoom) return;
        if (!zoom.inView(box.x, box.y, CARD.cardWidth, CARD.cardHeight)) zoom.centerOn(box.x, box.y, CARD.cardWidth, CARD.cardHeight);
      },
      { defer: true },
    ),
  );

  return (
    <div class="scenario-graph">
      <GraphToolbar
        store={props.store}
        view={props.view}
        groups={groups}
        onZoom={(f) => zoom?.zoomBy(f)}
        onFit={() => zoom?.fitWidth(layout().width, 0.15, 1)}
      />
      <Show when={shown().length === 0}>
        <p class="hint graph-empty">No cells match this filter in this scenario.</p>
      </Show>
      <div class="graph-pane" ref={pane} aria-label="Cell graph" data-focus={focusing() ? 'on' : 'off'}>
        <div class="graph-canvas zoomable" classList={{ dragging: props.store.busy(), overview: !detailed() }} ref={canvas} style={{ width: `${layout().width}px`, height: `${layout().height}px` }}>
          <For each={layout().bands}>
            {(band) => (
              <div class="layer-band" data-layer={band.layer} style={{ left: `${band.x}px`, width: `${band.width}px` }}>
                <div class="layer-title">
                  <span class="layer-letter">{band.layer}</span> {band.name}
                </div>
              </div>
            )}
          </For>
          <For each={layout().groups}>
            {(box) => <GroupFrame store={props.store} view={props.view} box={box} evaluation={props.evaluation} locked={focusing()} />}
          </For>
          <Edges store={props.store} edges={layout().edges} width={layout().width} height={layout().height} />
          <For each={ids()}>{(id) => <CellCard store={props.store} box={layout().boxes.get(id) ?? { ...OFFSCREEN, id }} size={CARD} detailed={detailed} quiet={quiet(id)} />}</For>
        </div>
      </div>
    </div>
  );
}
