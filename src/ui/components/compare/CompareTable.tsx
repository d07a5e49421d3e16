/**
 * One comparison table: the quantity in words with its unit (the cell id in its tooltip), unit,
 * then for each scenario its value, and for every scenario after the first its Δ and Δ% against
 * the first. Status rows (lens or wall verdicts) show a
 * badge per scenario. Raw numbers ride in data attributes (data-value, data-delta,
 * data-relative) so tests and scripts read exact values, not rounded text.
 */
import { For, type JSX, Show } from 'solid-js';
import { formatNumber } from '../../../graph/index.js';
import type { CompareColumn, CompareRow } from './compare.js';

interface StatusLine {
  readonly label: string;
  readonly key?: string;
  readonly differs: boolean;
  readonly cells: readonly JSX.Element[];
}

interface CompareTableProps {
  readonly name: string;
  readonly columns: readonly CompareColumn[];
  readonly rows: readonly CompareRow[];
  readonly status?: readonly StatusLine[];
  /** Only status rows: no unit and no Δ columns. */
  readonly statusOnly?: boolean;
  readonly onRemove?: (cell: string) => void;
}

function valueText(v: CompareRow['values'][number]): string {
  if (v === undefined) return '—';
  if (v === null) return '∞';
  if (typeof v === 'number') return formatNumber(v, 5);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return v;
}

const signed = (n: number, text: string): string => (n > 0 ? `+${text}` : n < 0 ? `−${text}` : text);

export function deltaText(d: number | undefined): string {
  return d === undefined ? '' : signed(d, formatNumber(Math.abs(d), 4));
}

export function relativeText(r: number | undefined): string {
  return r === undefined ? '' : `${signed(r, formatNumber(Math.abs(r), 4))} %`;
}

export function CompareTable(props: CompareTableProps): JSX.Element {
  const full = () => !props.statusOnly;
  return (
    <div class="compare-scroll">
      <table class="compare-table" data-compare-table={props.name}>
        <thead>
          <tr>
            <th scope="col">{props.statusOnly ? 'Wall' : 'Quantity'}</th>
            <Show when={full()}>
              <th scope="col">Unit</th>
            </Show>
            <For each={props.columns}>
              {(c, i) => (
                <>
                  <th scope="col" class="col-name" data-col-head={i()} title={c.name}>
                    {c.name}
                  </th>
                  <Show when={full() && i() > 0}>
                    <th scope="col" class="delta-head">Δ</th>
                    <th scope="col" class="delta-head">Δ%</th>
                  </Show>
                </>
              )}
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={props.status ?? []}>
            {(line) => (
              <tr class="status-row" classList={{ differs: line.differs }} data-status-row={line.key ?? line.label}>
                <th scope="row">{line.label}</th>
                <Show when={full()}>
                  <td />
                </Show>
                <For each={line.cells}>
                  {(cell, i) => (
                    <>
                      <td data-col={i()}>{cell}</td>
                      <Show when={full() && i() > 0}>
                        <td colSpan={2} />
                      </Show>
                    </>
                  )}
                </For>
              </tr>
            )}
          </For>
          <For each={props.rows}>
            {(r) => (
              <tr data-compare-row={r.cell} classList={{ differs: r.delta.some((d) => d !== undefined && d !== 0) }}>
                <th scope="row" title={r.cell} data-row-label>
                  {r.label}
                  <Show when={props.onRemove}>
                    {(remove) => (
                      <button type="button" class="link-button" data-remove-cell aria-label={`Remove ${r.label}`} onClick={() => remove()(r.cell)}>
                        ×
                      </button>
                    )}
                  </Show>
                </th>
                <td class="unit">{r.unit}</td>
                <For each={r.values}>
                  {(v, i) => (
                    <>
                      <td class="num" data-col={i()} data-value={v === undefined ? '' : String(v)} title={r.notes[i()] ?? ''}>
                        {valueText(v)}
                      </td>
                      <Show when={i() > 0}>
                        <td class="num delta" data-delta-col={i()} data-delta={r.delta[i()] ?? ''}>
                          {deltaText(r.delta[i()])}
                        </td>
                        <td class="num delta" data-relative-col={i()} data-relative={r.relative[i()] ?? ''}>
                          {relativeText(r.relative[i()])}
                        </td>
                      </Show>
                    </>
                  )}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
