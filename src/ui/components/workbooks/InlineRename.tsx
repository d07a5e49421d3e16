/**
 * A name shown as text with a Rename button; renaming swaps in a field (Enter saves, Escape
 * cancels). Names are user text and are only ever rendered as text nodes.
 */
import { createSignal, type JSX, Show } from 'solid-js';

interface InlineRenameProps {
  readonly name: string;
  /** Saves the new name; false keeps the field open (the session shows why). */
  readonly onRename: (name: string) => boolean | Promise<boolean>;
  readonly label: string;
  readonly children?: JSX.Element;
}

export function InlineRename(props: InlineRenameProps): JSX.Element {
  const [editing, setEditing] = createSignal(false);
  let field: HTMLInputElement | undefined;
  const save = async () => {
    if (!field) return;
    if (field.value === props.name || (await props.onRename(field.value))) setEditing(false);
  };
  return (
    <Show
      when={editing()}
      fallback={
        <>
          {props.children ?? <span class="item-name">{props.name}</span>}
          <button type="button" class="link-button" data-rename onClick={() => setEditing(true)}>
            Rename
          </button>
        </>
      }
    >
      <input
        ref={(el) => {
          field = el;
          queueMicrotask(() => el.select());
        }}
        class="rename-field"
        data-rename-field
        aria-label={props.label}
        value={props.name}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            setEditing(false);
          }
        }}
      />
      <button type="button" class="link-button" data-rename-save onClick={() => void save()}>
        Save
      </button>
    </Show>
  );
}
