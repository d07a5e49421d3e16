/**
 * The roofline of the scenario (physics.md §3.1) with its operating point, moving live: the
 * graph is not a Solid store, so the chart re-reads its cells whenever `version()` changes.
 * A catalogue device can be overlaid for comparison. Errors are stated, not drawn around:
 * "no roofline: …" when the device roof cannot be formed, "no operating point: …" when the
 * step is an error. The chart exports as SVG and PNG (src/ui/export).
 */
import { type Accessor, createMemo, createSignal, createUniqueId, For, type JSX, Show } from 'solid-js';
import type { LiveGraph } from '../../../graph/index.js';
import { compareRoof, type CompareRoof } from '../../../scenario/index.js';
import { readRoofline } from '../../../scenario/roofline/index.js';
import { ExportButtons } from '../../export/ExportButtons.jsx';
import { createInView, holdWhileHidden } from '../in-view.js';
import { share } from '../../store/share.js';
import { hardwareOptions } from './compare-device.js';
import { RooflinePlot } from './RooflinePlot.jsx';
import './roofline.css';

interface RooflineChartProps {
  readonly graph: LiveGraph;
  /** Bumped after each edit of the graph. */
  readonly version: Accessor<number>;
  /** The catalogue hardware id overlaid for comparison (controlled); the chart keeps its own when absent. */
  readonly compareDevice?: Accessor<string | undefined>;
  readonly onCompareDevice?: (id: string | undefined) => void;
  /** How the scenario's device is named in the legend ("H100"); "scenario device" by default. */
  readonly deviceLabel?: Accessor<string | undefined>;
  /** On during a burst of edits (a drag): the chart, when scrolled out of view, then waits for the pause (in-view.ts). */
  readonly busy?: Accessor<boolean>;
}

export function RooflineChart(props: RooflineChartProps): JSX.Element {
  const selectId = createUniqueId();
  const view = createInView();
  const version = holdWhileHidden(props.version, view.inView, props.busy);
  // Shared with the last reading (store/share.ts): the parts an edit leaves alone (the roofs) keep their objects, and the plot does not redraw them.
  const read = createMemo<ReturnType<typeof readRoofline>>((prev) => {
    version();
    return share(prev, readRoofline(props.graph));
  });
  const reading = () => {
    const r = read();
    return r.ok ? r.reading : undefined;
  };
  const roofError = () => {
    const r = read();
    return r.ok ? '' : r.message;
  };
  const [ownCompare, setOwnCompare] = createSignal<string | undefined>();
  const compareId = () => (props.compareDevice ? props.compareDevice() : ownCompare());
  const compare = createMemo((): CompareRoof | undefined => {
    const id = compareId();
    const r = reading();
    if (!id || !r) return undefined;
    if (!r.precision) return { ok: false, id, message: 'the compute precision is unknown' };
    return compareRoof(id, { precision: r.precision, efficiency: r.efficiency, bandwidth_efficiency: r.bandwidth_efficiency });
  });
  const compareOk = () => {
    const c = compare();
    return c?.ok ? c : undefined;
  };
  /** Why the comparison is not drawn, or the precision fallback it used. */
  const compareNote = (): string | undefined => {
    const c = compare();
    if (!c) return undefined;
    if (!c.ok) return `cannot compare with ${c.id}: ${c.message}`;
    return c.warnings.length ? c.warnings.join('; ') : undefined;
  };
  const choose = (value: string) => {
    const id = value === '' ? undefined : value;
    setOwnCompare(id);
    props.onCompareDevice?.(id);
  };
  const label = () => props.deviceLabel?.() ?? 'scenario device';
  let figure: HTMLElement | undefined;
  const svg = () => figure?.querySelector<SVGSVGElement>('svg.roofline-svg') ?? undefined;

  return (
    <figure class="roofline panel" data-testid="roofline" ref={(el) => {
        figure = el;
        view.ref(el);
      }}>
      <figcaption class="roofline-head">
        <h2>Roofline</h2>
        <label class="roofline-compare" for={selectId}>
          Compare with
          <select id={selectId} value={compareId() ?? ''} onChange={(e) => choose(e.currentTarget.value)}>
            <option value="">— none —</option>
            <For each={hardwareOptions()}>{(o) => <option value={o.id}>{o.label}</option>}</For>
          </select>
        </label>
        <ExportButtons svg={svg} name={`roofline ${label()}`} what="roofline" />
      </figcaption>
      <Show when={reading()} fallback={<p class="roofline-message error" role="status">no roofline: {roofError()}</p>}>
        {(r) => <RooflinePlot reading={r()} deviceLabel={label()} compare={compareOk()} />}
      </Show>
      <Show when={reading()?.point_error}>
        {(msg) => (
          <p class="roofline-message error" role="status" data-message="point">
            no operating point: {msg()}
          </p>
        )}
      </Show>
      <Show when={compareNote()}>
        {(note) => (
          <p class="roofline-message warning" role="status" data-message="compare">
            {note()}
          </p>
        )}
      </Show>
    </figure>
  );
}
