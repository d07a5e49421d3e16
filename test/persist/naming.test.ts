import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanName, newId, uniqueName } from '../../src/persist/index.js';

describe('naming', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('newId() is a v4-shaped UUID, also without crypto.randomUUID (insecure contexts)', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newId()).toMatch(uuid);
    vi.stubGlobal('crypto', { getRandomValues: (a: Uint8Array) => a.fill(7) });
    expect(newId()).toMatch(uuid);
    vi.stubGlobal('crypto', undefined);
    expect(newId()).toMatch(uuid);
  });

  it('uniqueName() appends the suffix, then numbers it', () => {
    expect(uniqueName('A', ['B'], 'shared')).toBe('A');
    expect(uniqueName('A', ['A'], 'shared')).toBe('A (shared)');
    expect(uniqueName('A', ['A', 'A (shared)'], 'shared')).toBe('A (shared 2)');
  });

  it('cleanName() keeps HTML as text and trims white space', () => {
    expect(cleanName('  <b>bold</b>  ')).toBe('<b>bold</b>');
  });
});
