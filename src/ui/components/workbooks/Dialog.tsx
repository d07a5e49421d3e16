/**
 * A modal panel over the workbench: a title, a close button, Escape closes. Keys typed inside
 * stay inside (the workbench's single-key shortcuts do not fire while it is open). Closing it
 * gives the focus back to what had it before (the button that opened it), so the keyboard is
 * never left at the top of the page.
 */
import { type JSX, onCleanup, onMount } from 'solid-js';

interface DialogProps {
  readonly title: string;
  /** Marks the dialog for tests and styles: data-dialog="<name>". */
  readonly name: string;
  readonly wide?: boolean;
  readonly onClose: () => void;
  readonly children: JSX.Element;
}

let seq = 0;

export function Dialog(props: DialogProps): JSX.Element {
  const titleId = `dialog-title-${++seq}`;
  let box: HTMLDivElement | undefined;
  const opener = typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null);
  onMount(() => box?.focus());
  onCleanup(() => {
    if (opener?.isConnected && (document.activeElement === null || document.activeElement === document.body || box?.contains(document.activeElement))) {
      queueMicrotask(() => opener.focus());
    }
  });
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      props.onClose();
    }
    e.stopPropagation();
  };
  return (
    <div class="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && props.onClose()}>
      <div
        ref={box}
        class="dialog"
        classList={{ wide: props.wide }}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-dialog={props.name}
        onKeyDown={onKey}
      >
        <header class="dialog-head">
          <h2 id={titleId}>{props.title}</h2>
          <button type="button" class="dialog-close" data-close onClick={() => props.onClose()} aria-label="Close">
            ×
          </button>
        </header>
        <div class="dialog-body">{props.children}</div>
      </div>
    </div>
  );
}
