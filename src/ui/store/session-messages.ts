/**
 * What the workbook session tells the user: failures (a corrupt entry, a refused import or
 * link, full storage) and notes (what a plan export left out). Messages stay until dismissed,
 * so a failure during start is still readable when the page has settled.
 */
import { type Accessor, createSignal } from 'solid-js';
import { PersistError } from '../../persist/index.js';

type MessageTone = 'error' | 'info';

export interface SessionMessage {
  readonly id: number;
  readonly tone: MessageTone;
  readonly text: string;
}

export interface MessageLog {
  readonly messages: Accessor<readonly SessionMessage[]>;
  /** Adds a message unless the same text is already shown. */
  say(tone: MessageTone, text: string): void;
  /** Reports a thrown value as "<what>: <reason>". */
  fail(what: string, e: unknown): void;
  dismiss(id: number): void;
  clear(): void;
}

/** The sentence a thrown value gives the user. PersistError messages are already written for them. */
export function reasonText(e: unknown): string {
  if (e instanceof PersistError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

export function createMessageLog(limit = 6): MessageLog {
  const [messages, setMessages] = createSignal<readonly SessionMessage[]>([]);
  let seq = 0;
  const say = (tone: MessageTone, text: string): void => {
    if (messages().some((m) => m.text === text)) return;
    setMessages([...messages(), { id: ++seq, tone, text }].slice(-limit));
  };
  return {
    messages,
    say,
    fail: (what, e) => say('error', `${what}: ${reasonText(e)}`),
    dismiss: (id) => setMessages(messages().filter((m) => m.id !== id)),
    clear: () => setMessages([]),
  };
}
