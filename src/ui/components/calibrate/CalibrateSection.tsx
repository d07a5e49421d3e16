/**
 * The inspector's "Calibrate to a measurement": type what you measured for the selected cell
 * (a number with its unit), and the efficiency that explains it — η where the cell is
 * compute-bound, η_bw where it is memory-bound — is fitted (src/scenario/calibrate.ts) and set
 * like any edit (traced, undoable). The fit can be downloaded as a device profile, and a profile
 * (from here or from `mlsysim calibrate --save`) loaded onto the scenario.
 */
import { createSignal, type JSX, Show } from 'solid-js';
import { type CalibrationResult, calibrate, parseMeasurement, parseProfile, profileOverrides } from '../../../scenario/index.js';
import { type CellValue, formatPlain } from '../../../graph/index.js';
import type { WorkbenchStore } from '../../store/index.js';

export { canCalibrate } from './can-calibrate.js';

const formatPlainValue = (v: CellValue, unit: string): string => (v.ok ? formatPlain(v.value, unit) : '');
/** A file's text (FileReader: every browser, and the DOM of the tests). */
const readText = (file: File): Promise<string> => new Promise((resolve, reject) => {
  const reader = new FileReader();
  reader.onload = () => resolve(String(reader.result));
  reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
  reader.readAsText(file);
});
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Applies fitted cells as edits (traced, undoable); returns the first refusal, if any. */
function apply(store: WorkbenchStore, cells: Readonly<Record<string, number>>): string | undefined {
  for (const [id, v] of Object.entries(cells)) {
    const c = store.commitInput(id, String(v));
    if (!c.accepted) return c.message ?? `${id} refused ${v}`;
  }
  return undefined;
}

export function CalibrateSection(props: { readonly store: WorkbenchStore; readonly id: string }): JSX.Element {
  const [text, setText] = createSignal('');
  const [result, setResult] = createSignal<CalibrationResult>();
  const [problem, setProblem] = createSignal<string>();
  const unit = () => props.store.graph.def(props.id).unit;
  const fit = () => {
    setProblem(undefined);
    setResult(undefined);
    try {
      const r = calibrate({ graph: props.store.graph, name: 'the workbench scenario' }, parseMeasurement(props.store.graph, `${props.id}=${text()}`));
      const refused = apply(props.store, r.profile.fitted);
      if (refused) setProblem(refused);
      else setResult(r);
    } catch (e) {
      setProblem(messageOf(e));
    }
  };
  const download = (r: CalibrationResult) => {
    const blob = new Blob([`${JSON.stringify(r.profile, null, 2)}\n`], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${r.profile.device}-profile.json`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  const load = async (file: File | undefined) => {
    if (!file) return;
    setProblem(undefined);
    try {
      // The YAML reader loads with the first profile, not with the workbench.
      const { parseText } = await import('../../../scenario/yaml-text.js');
      const profile = parseProfile(parseText(await readText(file), 'profile file', file.name));
      const refused = apply(props.store, profileOverrides(profile, String(props.store.graph.value('scenario.device'))));
      if (refused) setProblem(refused);
    } catch (e) {
      setProblem(messageOf(e));
    }
  };
  const field = `calibrate-${props.id}`;
  return (
    <div class="calibrate-section" data-calibrate={props.id}>
      <h3>Calibrate to a measurement</h3>
      <label class="field-label" for={field}>Measured value (a number with its unit, then Fit)</label>
      <input id={field} class="inspector-editor" data-calibrate-input value={text()} onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && fit()} placeholder={`e.g. ${formatPlainValue(props.store.value(props.id), unit())}`} />
      <button type="button" class="restore" data-calibrate-fit onClick={fit}>Fit η or η_bw</button>
      <Show when={problem()}>{(m) => <div class="message error" role="alert" data-calibrate-problem>{m()}</div>}</Show>
      <Show when={result()}>
        {(r) => (
          <div class="message" role="status" data-calibrate-result>
            {r().regime}: {r().variable} {r().from.toPrecision(4)} → {r().to.toPrecision(4)}; {r().cell}{' '}
            {formatPlainValue({ ok: true, value: r().before, warnings: [] }, r().unit)} → {formatPlainValue({ ok: true, value: r().after, warnings: [] }, r().unit)}
            <button type="button" class="restore" data-calibrate-download onClick={() => download(r())}>Download device profile</button>
          </div>
        )}
      </Show>
      <label class="field-label" for={`${field}-profile`}>Load a device profile (.json or .yaml)</label>
      <input id={`${field}-profile`} type="file" accept=".json,.yaml,.yml" data-calibrate-profile
        onChange={(e) => void load(e.currentTarget.files?.[0])} />
    </div>
  );
}
