/**
 * Whether the page works without a network, and whether a newer build waits. The service
 * worker (vite.config.ts: Workbox precaches every file of the build) is registered through
 * vite-plugin-pwa's `registerSW`, passed in so that tests can drive it:
 * - ready: the build is precached — on the first visit when the worker is installed
 *   (onOfflineReady), on later visits because a worker is already active;
 * - updateWaiting: a new build is installed and waits; `reload()` lets it take over, and the
 *   page reloads once it controls the page (registerType 'prompt': never without the user);
 * - online: the browser's navigator.onLine, following its online/offline events.
 */
import { type Accessor, createSignal } from 'solid-js';

/** The callbacks of vite-plugin-pwa's RegisterSWOptions this state listens to. */
export interface RegisterOptions {
  readonly onOfflineReady?: () => void;
  readonly onNeedRefresh?: () => void;
  readonly onRegisteredSW?: (url: string, registration: ServiceWorkerRegistration | undefined) => void;
  readonly onRegisterError?: (error: unknown) => void;
}

/** `registerSW` of `virtual:pwa-register`: returns the function that activates a waiting build. */
export type RegisterSW = (options: RegisterOptions) => (reloadPage?: boolean) => Promise<void>;

export interface OfflineState {
  readonly ready: Accessor<boolean>;
  readonly updateWaiting: Accessor<boolean>;
  readonly online: Accessor<boolean>;
  /** Why the worker could not be registered (the page then needs the network). */
  readonly problem: Accessor<string | undefined>;
  /** Activates the waiting build; the page reloads when it takes over. */
  reload(): Promise<void>;
  /** Hides the update prompt (the new build then starts with the next visit). */
  dismissUpdate(): void;
  dispose(): void;
}

export function createOfflineState(register: RegisterSW, win: Window = window): OfflineState {
  const [ready, setReady] = createSignal(false);
  const [updateWaiting, setUpdateWaiting] = createSignal(false);
  const [online, setOnline] = createSignal(win.navigator.onLine);
  const [problem, setProblem] = createSignal<string>();
  const onOnline = () => setOnline(true);
  const onOffline = () => setOnline(false);
  win.addEventListener('online', onOnline);
  win.addEventListener('offline', onOffline);
  const update = register({
    onOfflineReady: () => setReady(true),
    onNeedRefresh: () => setUpdateWaiting(true),
    onRegisteredSW: (_url, registration) => {
      if (registration?.active) setReady(true);
    },
    onRegisterError: (e) => setProblem(e instanceof Error ? e.message : String(e)),
  });
  return {
    ready,
    updateWaiting,
    online,
    problem,
    reload: () => update(true),
    dismissUpdate: () => setUpdateWaiting(false),
    dispose() {
      win.removeEventListener('online', onOnline);
      win.removeEventListener('offline', onOffline);
    },
  };
}
