import { cleanup, fireEvent, render } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { derived, input, LiveGraph, number, warn } from '../../src/graph/index.js';
import { For, type JSX } from 'solid-js';
import { CellCard } from '../../src/ui/components/CellCard.jsx';
import { Edges } from '../../src/ui/components/Edges.jsx';
import { Inspector } from '../../src/ui/components/Inspector.jsx';
import { type Example, rooflineExample } from './roofline-fixture.js';
import { displayValue, editorText } from '../../src/ui/format/display.js';
import { DEFAULT_SIZE, GROUP_SIZE, groupCells, type LayoutSize, layoutGroups } from '../../src/ui/layout/index.js';
import { createWorkbenchStore, type WorkbenchStore } from '../../src/ui/store/index.js';

afterEach(cleanup);

function card(container: HTMLElement, id: string): HTMLElement {
  const el = container.querySelector<HTMLElement>(`[data-cell="${id}"]`);
  if (!el) throw new Error(`no card for ${id}`);
  return el;
}
const shown = (container: HTMLElement, id: string) => card(container, id).querySelector('.cell-value')!.textContent;
const editor = (container: HTMLElement, id: string) => card(container, id).querySelector<HTMLInputElement>('input')!;

function type(field: HTMLInputElement, text: string): void {
  field.value = text;
  fireEvent.keyDown(field, { key: 'Enter' });
}

const CARD: LayoutSize = { ...DEFAULT_SIZE, cardWidth: GROUP_SIZE.cardWidth, cardHeight: GROUP_SIZE.cardHeight };

/** A card for every cell of the graph and the edges between them, every group open (the page itself: scenario-graph.test.tsx). */
function Cards(props: { readonly store: WorkbenchStore }): JSX.Element {
  const topology = props.store.graph.topology;
  const layout = layoutGroups(topology, groupCells(topology).map((group) => ({ group, cells: group.ids })));
  return (
    <>
      <Edges store={props.store} edges={layout.edges} width={layout.width} height={layout.height} />
      <For each={[...layout.boxes.values()]}>{(box) => <CellCard store={props.store} box={box} size={CARD} />}</For>
    </>
  );
}

/** The small example's cards with an inspector (the page itself runs a full scenario). */
function App(props: { readonly example: Example }): JSX.Element {
  const store = createWorkbenchStore(new LiveGraph(props.example.cells), { selected: props.example.focus });
  return (
    <>
      <Cards store={store} />
      <Inspector store={store} />
    </>
  );
}

describe('cell cards', () => {
  it('shows every cell of the example with its formatted value', () => {
    const { container } = render(() => <App example={rooflineExample} />);
    const graph = new LiveGraph(rooflineExample.cells);
    for (const def of rooflineExample.cells) {
      if (def.kind === 'input') expect(editor(container, def.id).value, def.id).toBe(editorText(def, def.default));
      else expect(shown(container, def.id), def.id).toBe(displayValue(def, graph.get(def.id)));
    }
    expect(shown(container, 'compute.latency')).toBe('5.106 ms');
    expect(editor(container, 'hardware.memory_bandwidth').value).toBe('3.35 TB/s');
    expect(container.querySelectorAll('path.edge')).toHaveLength(23);
  });

  it('editing an input updates the values of its dependents', () => {
    const { container } = render(() => <App example={rooflineExample} />);
    type(editor(container, 'hardware.memory_bandwidth'), '2 TB/s');
    expect(shown(container, 'compute.t_memory')).toBe('8 ms');
    expect(shown(container, 'compute.latency')).toBe('8.33 ms');
    expect(shown(container, 'compute.t_compute')).toBe('32.36 µs');
  });

  it('lights up the changed cells with old → new after an edit', () => {
    const { container } = render(() => <App example={rooflineExample} />);
    const field = editor(container, 'hardware.memory_bandwidth');
    field.value = '2 TB/s';
    fireEvent.change(field);
    const latency = card(container, 'compute.latency');
    expect(latency.classList.contains('lit')).toBe(true);
    expect(latency.querySelector('.cell-change')!.textContent).toBe('5.106 ms → 8.33 ms +63 %');
    expect(card(container, 'compute.t_compute').classList.contains('lit')).toBe(false);
    expect(container.querySelector('[data-edge="compute.t_memory->compute.latency"]')!.classList.contains('lit')).toBe(true);
  });

  it('a value outside the domain shows the message and marks the cell; other cells keep their values', () => {
    const { container } = render(() => <App example={rooflineExample} />);
    type(editor(container, 'scenario.efficiency'), '1.5');
    const eta = card(container, 'scenario.efficiency');
    expect(eta.classList.contains('error')).toBe(true);
    expect(eta.querySelector('.cell-message')!.textContent).toBe('scenario.efficiency must be a number in (0, 1] (got 1.5)');
    expect(editor(container, 'scenario.efficiency').getAttribute('aria-invalid')).toBe('true');
    // Downstream is blocked, the rest still computes.
    expect(card(container, 'compute.t_compute').classList.contains('error')).toBe(true);
    expect(shown(container, 'compute.t_compute')).toBe('blocked');
    expect(shown(container, 'compute.t_memory')).toBe('4.776 ms');
    expect(shown(container, 'compute.arithmetic_intensity')).toBe('1 FLOP/B');
    // And it recovers.
    type(editor(container, 'scenario.efficiency'), '0.25');
    expect(eta.classList.contains('error')).toBe(false);
    expect(shown(container, 'compute.t_compute')).toBe('64.71 µs');
  });

  it('text that does not parse shows the message and marks the cell; the graph keeps working', () => {
    const { container } = render(() => <App example={rooflineExample} />);
    type(editor(container, 'hardware.memory_bandwidth'), 'fast');
    const bw = card(container, 'hardware.memory_bandwidth');
    expect(bw.classList.contains('error')).toBe(true);
    expect(bw.querySelector('.cell-message')!.textContent).toBe('hardware.memory_bandwidth: "fast" is not a number with a unit');
    expect(shown(container, 'compute.latency')).toBe('5.106 ms');
    type(editor(container, 'compute.flops_per_step'), '32 GFLOP');
    expect(shown(container, 'compute.t_compute')).toBe('64.71 µs');
  });

  it('marks a cell with a warning amber and shows the warning', () => {
    const cells = [
      input({ id: 'demo.x', label: 'x', doc: 'x', unit: '1', layer: 'A', default: 2, domain: { kind: 'number' } }),
      derived({
        id: 'demo.y', label: 'y', doc: 'y', unit: '1', layer: 'E', formula: 'y = x', inputs: { x: number('demo.x') },
        compute: ({ x }) => warn(x, 'y is only an estimate'),
      }),
    ];
    const store = createWorkbenchStore(new LiveGraph(cells));
    const { container } = render(() => <Cards store={store} />);
    const y = card(container, 'demo.y');
    expect(y.classList.contains('warning')).toBe(true);
    expect(y.querySelector('.cell-message')!.textContent).toBe('y is only an estimate');
    expect(card(container, 'demo.x').classList.contains('warning')).toBe(false);
    store.dispose();
  });

  it('selects a cell on click and highlights its upstream cone', () => {
    const { container } = render(() => <App example={rooflineExample} />);
    fireEvent.click(card(container, 'compute.t_memory'));
    expect(card(container, 'compute.t_memory').classList.contains('selected')).toBe(true);
    expect(card(container, 'hardware.memory_bandwidth').classList.contains('upstream')).toBe(true);
    expect(card(container, 'compute.latency').classList.contains('downstream')).toBe(true);
    expect(container.querySelector('[data-inspecting]')!.getAttribute('data-inspecting')).toBe('compute.t_memory');
  });
});
