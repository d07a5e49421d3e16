/**
 * The math behind one number (what `mlsysim explain CELL --depth 1` says, scenario/explain.ts):
 * its value, its formula, and under it each input the formula names with that input's value
 * now — the numbers substituted — then its source (paper, datasheet, spec section), its
 * warnings, and for an input where its value comes from.
 */
import { For, type JSX, Show } from 'solid-js';
import type { LiveGraph } from '../../../graph/index.js';
import { type CellPeek, type Explained, peekCell } from '../../../scenario/explain.js';
import { formatValue } from '../../format/display.js';
import { SourceText } from './SourceText.jsx';

/** Where an input's value came from, in words. */
const FROM: Readonly<Record<string, string>> = { user: 'your edit', catalogue: 'from the catalogue', default: 'the default (see its source)' };

/** A value as the workbench shows it (display unit), or its error in words. */
function shown(graph: LiveGraph, e: Explained): string {
  if (e.error) return `error: ${e.error.message}`;
  const v = graph.get(e.id);
  return v.ok ? formatValue(graph.def(e.id), v.value) : 'error';
}

export function PeekCard(props: { readonly graph: LiveGraph; readonly id: string; readonly tick?: number }): JSX.Element {
  const p = (): CellPeek => {
    void props.tick;
    return peekCell(props.graph, props.id);
  };
  return (
    <div class="peek-card" data-peek-card={props.id}>
      <div class="peek-head">
        <strong class="peek-label">{p().label}</strong> <code class="peek-id">{props.id}</code>
      </div>
      <div class="peek-value" data-peek-value>= {shown(props.graph, p())}</div>
      <Show when={p().formula}>{(f) => <pre class="peek-formula" data-peek-formula>{f()}</pre>}</Show>
      <Show when={p().pinned}>
        <p class="peek-note warning">pinned: the formula is set aside and the value was given</p>
      </Show>
      <Show when={p().named.length > 0}>
        <table class="peek-inputs" data-peek-inputs>
          <caption>with</caption>
          <tbody>
            <For each={p().named}>
              {(n) => (
                <tr data-peek-input={n.cell.id}>
                  <th scope="row">{n.name}</th>
                  <td class="peek-input-value">{shown(props.graph, n.cell)}</td>
                  <td class="peek-input-cell">
                    {props.graph.def(n.cell.id).label} <code>{n.cell.id}</code>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <Show when={p().provenance}>{(from) => <p class="peek-note">an input; its value is {FROM[from()] ?? from()}</p>}</Show>
      <For each={p().warnings ?? []}>{(w) => <p class="peek-note warning">{w}</p>}</For>
      <Show when={p().source}>
        {(s) => (
          <p class="peek-source" data-peek-source>
            <SourceText source={s()} />
          </p>
        )}
      </Show>
      <p class="peek-doc">{p().doc}</p>
    </div>
  );
}
