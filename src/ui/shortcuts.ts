/**
 * Keyboard shortcuts for lectures: '/' search, 'u' / 'd' walk to the first input / dependent
 * of the selected cell, 'f' focus mode, 'p' presentation mode, Escape clears the selection,
 * Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z (or Ctrl+Y) redo. Keys typed into a field are the
 * field's own (its text undo, its Escape), never shortcuts.
 */
interface ShortcutActions {
  search(): void;
  walkUp(): void;
  walkDown(): void;
  clear(): void;
  undo(): void;
  redo(): void;
  toggleFocus(): void;
  togglePresentation(): void;
}

function isEditable(t: EventTarget | null): boolean {
  if (!(t instanceof Element)) return false;
  return t.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

/** The action for a key event, or undefined. */
export function shortcutFor(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): keyof ShortcutActions | undefined {
  const mod = e.ctrlKey || e.metaKey;
  if (mod && !e.altKey) {
    const k = e.key.toLowerCase();
    if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
    if (k === 'y') return 'redo';
    return undefined;
  }
  if (e.altKey || mod) return undefined;
  switch (e.key) {
    case '/':
      return 'search';
    case 'u':
      return 'walkUp';
    case 'd':
      return 'walkDown';
    case 'f':
      return 'toggleFocus';
    case 'p':
      return 'togglePresentation';
    case 'Escape':
      return 'clear';
    default:
      return undefined;
  }
}

/** Listens on `target` (the document); returns the function that stops listening. */
export function installShortcuts(target: Document, actions: ShortcutActions): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || isEditable(e.target)) return;
    const action = shortcutFor(e);
    if (!action) return;
    e.preventDefault();
    actions[action]();
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
