/**
 * A custom model or device: paste a JSON or YAML document in the catalogue's own spelling
 * (or start from the current entry's), check it with the registry's schema, and use it in the
 * scenario. Every problem is shown with the field it concerns. The text reader (and its YAML
 * parser) is loaded when the user first checks a document, not with the page.
 */
import { createSignal, For, type JSX, Show } from 'solid-js';
import raw from '../../../registry/data/catalog.json' with { type: 'json' };
import { parseCustomEntry } from '../../../registry/index.js';
import type { CustomHardware, CustomModel } from '../../../scenario/index.js';
import type { ScenarioStore } from '../../store/index.js';

type Kind = 'model' | 'hardware';

interface CustomEntryDialogProps {
  readonly store: ScenarioStore;
  onClose(): void;
}

interface RawEntry {
  readonly id: string;
  readonly [field: string]: unknown;
}

const CATALOG = raw as unknown as { readonly models: readonly RawEntry[]; readonly hardware: readonly RawEntry[] };
/** Catalogue fields a custom entry does not need (provenance bookkeeping). */
const BOOKKEEPING = ['verified', 'notes', 'corrections', 'legacy_aliases', 'checked_against', 'project_verified'];

/** The current entry as an editable document (id renamed so it is clearly the user's). */
export function templateFor(kind: Kind, current: string | { readonly id: string }): string {
  if (typeof current !== 'string') return JSON.stringify(current, null, 2);
  const list = kind === 'model' ? CATALOG.models : CATALOG.hardware;
  const entry = list.find((e) => e.id === current);
  if (!entry) return '';
  const copy: Record<string, unknown> = { ...entry, id: `My_${entry.id}` };
  for (const k of BOOKKEEPING) delete copy[k];
  return JSON.stringify(copy, null, 2);
}

interface CustomEntryCheck {
  /** The parsed document, for the scenario (present when there are no problems). */
  readonly entry?: RawEntry;
  readonly problems: readonly string[];
}

/** Parses (JSON or YAML) and validates a document: the object for the scenario, or the problems. */
export async function checkCustomEntry(kind: Kind, text: string): Promise<CustomEntryCheck> {
  const { parseDocumentText } = await import('../../../registry/custom-text.js');
  try {
    const doc = parseDocumentText(kind, text);
    parseCustomEntry(kind, doc);
    return { entry: doc as RawEntry, problems: [] };
  } catch (e) {
    const problems = (e as { problems?: readonly string[] }).problems;
    return { problems: problems ?? [e instanceof Error ? e.message : String(e)] };
  }
}

export function CustomEntryDialog(props: CustomEntryDialogProps): JSX.Element {
  const [kind, setKind] = createSignal<Kind>('model');
  const [text, setText] = createSignal('');
  const [problems, setProblems] = createSignal<readonly string[]>([]);
  const use = async () => {
    const k = kind();
    const r = await checkCustomEntry(k, text());
    setProblems(r.problems);
    if (!r.entry) return;
    // Validated above by the registry's schema, which is the scenario's schema for these fields.
    const entry: unknown = r.entry;
    const result = k === 'model' ? props.store.choose({ model: entry as CustomModel }) : props.store.choose({ hardware: entry as CustomHardware });
    if (!result.ok) setProblems([result.error ?? 'the scenario could not be built']);
    else props.onClose();
  };
  return (
    <div class="custom-entry" role="dialog" aria-label="Custom entry">
      <div class="custom-row">
        <label>
          Kind{' '}
          <select data-custom-kind onChange={(e) => setKind(e.currentTarget.value as Kind)}>
            <option value="model">model</option>
            <option value="hardware">hardware</option>
          </select>
        </label>
        <button type="button" data-custom-template onClick={() => setText(templateFor(kind(), kind() === 'model' ? props.store.desc().model : props.store.desc().hardware))}>
          Start from the current {kind()}
        </button>
      </div>
      <textarea
        data-custom-text
        rows={10}
        spellcheck={false}
        placeholder="Paste a JSON or YAML entry in the catalogue's spelling (id, params, layers, … or peak_tflops, memory_capacity_gb, …)"
        value={text()}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <Show when={problems().length > 0}>
        <ul class="custom-problems" role="alert">
          <For each={problems()}>{(p) => <li>{p}</li>}</For>
        </ul>
      </Show>
      <div class="custom-row">
        <button type="button" class="primary" data-custom-use onClick={() => void use()}>
          Use it
        </button>
        <button type="button" onClick={() => props.onClose()}>
          Cancel
        </button>
      </div>
    </div>
  );
}
