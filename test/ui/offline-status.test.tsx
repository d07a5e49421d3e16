/**
 * The offline pill and the update prompt, driven by a stand-in for vite-plugin-pwa's registerSW
 * (the real service worker runs in test/e2e/offline.test.ts).
 */
import { cleanup, fireEvent, render } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { createOfflineState, OfflineStatus, type RegisterOptions } from '../../src/ui/components/offline/index.js';

afterEach(cleanup);

/** A registerSW that records its callbacks and how often the waiting build was asked to take over. */
function fakeRegister() {
  const calls = { options: undefined as RegisterOptions | undefined, updates: [] as (boolean | undefined)[] };
  const register = (options: RegisterOptions) => {
    calls.options = options;
    return (reload?: boolean) => {
      calls.updates.push(reload);
      return Promise.resolve();
    };
  };
  return { register, calls };
}

function setOnline(online: boolean): void {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

describe('OfflineStatus', () => {
  it('shows nothing until the worker reports (as in the dev server, where it never does)', () => {
    setOnline(true);
    const { register } = fakeRegister();
    const { container } = render(() => <OfflineStatus state={createOfflineState(register)} />);
    expect(container.querySelector('[data-offline-state]')).toBeNull();
    expect(container.querySelector('[data-update-prompt]')).toBeNull();
  });

  it('"Available offline" once the build is precached; "Offline · …" when the network goes', () => {
    setOnline(true);
    const { register, calls } = fakeRegister();
    const state = createOfflineState(register);
    const { container } = render(() => <OfflineStatus state={state} />);
    calls.options!.onOfflineReady!();
    const pill = () => container.querySelector('[data-offline-state]');
    expect(pill()?.getAttribute('data-offline-state')).toBe('ready');
    expect(pill()?.textContent).toBe('Available offline');
    setOnline(false);
    expect(pill()?.getAttribute('data-offline-state')).toBe('offline');
    expect(pill()?.textContent).toBe('Offline · this copy works without a network');
    setOnline(true);
    expect(pill()?.textContent).toBe('Available offline');
    state.dispose();
  });

  it('a returning visit: a worker already active at registration means offline-ready', () => {
    setOnline(true);
    const { register, calls } = fakeRegister();
    const state = createOfflineState(register);
    calls.options!.onRegisteredSW!('/sw.js', { active: {} } as ServiceWorkerRegistration);
    expect(state.ready()).toBe(true);
  });

  it('a waiting build: "A new version is available — Reload"; Reload asks it to take over, Later hides the prompt', () => {
    setOnline(true);
    const { register, calls } = fakeRegister();
    const { container } = render(() => <OfflineStatus state={createOfflineState(register)} />);
    calls.options!.onNeedRefresh!();
    const prompt = () => container.querySelector('[data-update-prompt]');
    expect(prompt()?.getAttribute('role')).toBe('alert');
    expect(prompt()?.textContent).toBe('A new version is available —ReloadLater');
    fireEvent.click(container.querySelector('[data-update-reload]')!);
    expect(calls.updates).toEqual([true]);
    fireEvent.click(container.querySelector('[data-update-later]')!);
    expect(prompt()).toBeNull();
  });

  it('a registration error: "Needs the network", with the reason in the title', () => {
    setOnline(true);
    const { register, calls } = fakeRegister();
    const { container } = render(() => <OfflineStatus state={createOfflineState(register)} />);
    calls.options!.onRegisterError!(new Error('SecurityError: insecure origin'));
    const pill = container.querySelector('[data-offline-state]');
    expect(pill?.textContent).toBe('Needs the network');
    expect(pill?.getAttribute('title')).toContain('insecure origin');
  });
});
