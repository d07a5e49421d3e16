/**
 * Two or more scenarios of the open workbook side by side: the scorecard (lens statuses and
 * metrics), the 22-wall board's statuses, and cells the user picks — each value with its
 * absolute and relative change against the first scenario picked (compare.ts).
 */
import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';
import type { Workbook } from '../../../scenario/index.js';
import { canonicalJson } from '../../store/workbook-doc.js';
import type { WorkbookSession } from '../../store/workbook-session.js';
import { StatusBadge } from '../status/index.js';
import { cellRows, type CompareColumn, compareColumns, differingOverrides, lensRows, metricRows, wallRows } from './compare.js';
import { compareCsv } from './compare-csv.js';
import { CompareTable } from './CompareTable.jsx';
import './compare.css';

interface CompareViewProps {
  readonly session: WorkbookSession;
}

/** At most this many columns are built at once (each is a whole scenario graph). */
const MAX_COLUMNS = 6;

export function CompareView(props: CompareViewProps): JSX.Element {
  const s = props.session;
  const wb = (): Workbook | undefined => s.workbook();
  const [picked, setPicked] = createSignal<readonly string[]>((wb()?.scenarios ?? []).slice(0, MAX_COLUMNS).map((x) => x.id));
  const ids = () => (wb()?.scenarios ?? []).map((x) => x.id).filter((id) => picked().includes(id));
  // Columns are rebuilt only when their scenario document changes.
  const cache = new Map<string, CompareColumn>();
  const columns = createMemo((): CompareColumn[] => {
    const w = wb();
    if (!w) return [];
    return ids().map((id) => {
      const entry = w.scenarios.find((x) => x.id === id)!;
      const key = `${id}\n${entry.name}\n${canonicalJson(entry.scenario)}`;
      let col = cache.get(key);
      if (!col) {
        col = compareColumns(w, [id])[0];
        cache.set(key, col);
      }
      return col;
    });
  });
  const [cells, setCells] = createSignal<readonly string[]>(wb() ? differingOverrides(wb()!, ids()) : []);
  const [cellText, setCellText] = createSignal('');
  const [cellProblem, setCellProblem] = createSignal<string>();
  const [onlyDiffering, setOnlyDiffering] = createSignal(false);
  const known = createMemo(() => [...new Set(columns().flatMap((c) => (c.graph ? [...c.graph.topology.ids] : [])))].sort());

  const toggle = (id: string, on: boolean) => {
    const next = on ? [...picked(), id] : picked().filter((x) => x !== id);
    setPicked(next.slice(-MAX_COLUMNS));
  };
  const addCell = () => {
    const id = cellText().trim();
    if (!id) return;
    if (!known().includes(id)) {
      setCellProblem(`no cell '${id}' in the picked scenarios (cell ids look like performance.latency or scenario.batch_size)`);
      return;
    }
    setCellProblem(undefined);
    if (!cells().includes(id)) setCells([...cells(), id]);
    setCellText('');
  };
  const walls = () => wallRows(columns()).filter((r) => !onlyDiffering() || r.differs);
  /** The three tables as one CSV with full names (every wall, whatever the filter shows). */
  const exportCsv = async () => {
    // The download helpers load on the first export (their own chunk, as ExportButtons does).
    const { downloadText, safeFilename } = await import('../../export/download.js');
    const cols = columns();
    const text = compareCsv(cols, [
      { name: 'Scorecard', status: lensRows(cols).map((r) => ({ label: `${r.label} status`, key: r.key, statuses: r.statuses })), rows: metricRows(cols) },
      { name: 'Wall board', status: wallRows(cols).map((r) => ({ label: r.label, key: r.key, statuses: r.statuses })) },
      { name: 'Cells', rows: cellRows(cols, cells()) },
    ]);
    downloadText(text, safeFilename(`${wb()?.name ?? 'workbook'} compare`, 'csv'), 'text/csv');
  };

  return (
    <div class="compare" data-compare>
      <fieldset class="compare-pick">
        <legend>Scenarios to compare (the first is the reference for Δ and Δ%)</legend>
        <For each={wb()?.scenarios ?? []}>
          {(sc) => (
            <label class="compare-option">
              <input type="checkbox" data-compare-pick={sc.id} checked={picked().includes(sc.id)} onChange={(e) => toggle(sc.id, e.currentTarget.checked)} />
              <span>{sc.name}</span>
            </label>
          )}
        </For>
      </fieldset>
      <Show
        when={columns().length >= 2}
        fallback={
          <p class="hint" data-compare-hint>
            Pick two or more scenarios.{' '}
            <Show when={(wb()?.scenarios.length ?? 0) < 2}>
              This workbook has one.{' '}
              <button type="button" data-compare-add onClick={() => s.addScenario() && setPicked((wb()?.scenarios ?? []).map((x) => x.id))}>
                Add a copy of the current scenario
              </button>
            </Show>
          </p>
        }
      >
        <For each={columns().filter((c) => c.error)}>
          {(c) => (
            <p class="message error" role="alert">
              '{c.name}' cannot be built: {c.error}
            </p>
          )}
        </For>
        <div class="compare-export">
          <button type="button" data-export="csv" onClick={() => void exportCsv()}>
            Export CSV (full names)
          </button>
        </div>
        <h3>Scorecard</h3>
        <CompareTable
          name="scorecard"
          columns={columns()}
          status={lensRows(columns()).map((r) => ({ label: `${r.label} status`, differs: r.differs, cells: r.statuses.map((st) => (st ? <StatusBadge status={st} /> : '—')) }))}
          rows={metricRows(columns())}
        />
        <h3>
          Wall board{' '}
          <label class="inline-toggle">
            <input type="checkbox" data-only-differing checked={onlyDiffering()} onChange={(e) => setOnlyDiffering(e.currentTarget.checked)} /> only walls that differ
          </label>
        </h3>
        <CompareTable
          name="walls"
          columns={columns()}
          statusOnly
          status={walls().map((r) => ({ label: r.label, key: r.key, differs: r.differs, cells: r.statuses.map((st) => (st ? <StatusBadge status={st} /> : '—')) }))}
          rows={[]}
        />
        <h3>Cells</h3>
        <div class="compare-add">
          <input
            list="compare-cell-ids"
            data-compare-cell-input
            placeholder="cell id, e.g. workload.kv_bytes"
            aria-label="Cell to compare"
            value={cellText()}
            onInput={(e) => setCellText(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Enter' && addCell()}
          />
          <datalist id="compare-cell-ids">
            <For each={known()}>{(id) => <option value={id} />}</For>
          </datalist>
          <button type="button" data-compare-add-cell onClick={addCell}>
            Add
          </button>
          <Show when={cellProblem()}>{(m) => <span class="control-problem" role="alert">{m()}</span>}</Show>
        </div>
        <CompareTable name="cells" columns={columns()} rows={cellRows(columns(), cells())} onRemove={(id) => setCells(cells().filter((c) => c !== id))} />
      </Show>
    </div>
  );
}
