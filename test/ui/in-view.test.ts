import { createRoot, createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { createInView, holdWhileHidden } from '../../src/ui/components/in-view.js';

describe('holdWhileHidden', () => {
  const setup = () =>
    createRoot((dispose) => {
      const [source, setSource] = createSignal(1);
      const [inView, setInView] = createSignal(true);
      const [busy, setBusy] = createSignal(false);
      let reads = 0;
      const held = holdWhileHidden(() => (reads++, source()), inView, busy);
      return { held, setSource, setInView, setBusy, reads: () => reads, dispose };
    });

  it('follows the source while in view or while no burst is on', () => {
    const t = setup();
    t.setSource(2);
    expect(t.held()).toBe(2);
    t.setInView(false);
    t.setSource(3);
    expect(t.held()).toBe(3);
    t.setInView(true);
    t.setBusy(true);
    t.setSource(4);
    expect(t.held()).toBe(4);
    t.dispose();
  });

  it('out of view during a burst keeps its value without reading the source, and catches up when the burst ends', () => {
    const t = setup();
    t.setInView(false);
    t.setBusy(true);
    const before = t.reads();
    t.setSource(5);
    t.setSource(6);
    expect(t.held()).toBe(1);
    expect(t.reads()).toBe(before);
    t.setBusy(false);
    expect(t.held()).toBe(6);
    t.dispose();
  });

  it('catches up as soon as it comes into view', () => {
    const t = setup();
    t.setInView(false);
    t.setBusy(true);
    t.setSource(7);
    expect(t.held()).toBe(1);
    t.setInView(true);
    expect(t.held()).toBe(7);
    t.dispose();
  });
});

describe('createInView', () => {
  it('says "in view" where there is no IntersectionObserver (jsdom), so nothing ever waits', () => {
    createRoot((dispose) => {
      const view = createInView();
      view.ref(document.createElement('div'));
      expect(view.inView()).toBe(true);
      dispose();
    });
  });
});
