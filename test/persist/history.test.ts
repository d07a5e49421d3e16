import { describe, expect, it } from 'vitest';
import { createHistory, DEFAULT_HISTORY_LIMIT } from '../../src/persist/index.js';

describe('createHistory', () => {
  it('undo() and redo() walk back and forth through pushed states', () => {
    const h = createHistory('a');
    expect(h.canUndo).toBe(false);
    h.push('b');
    h.push('c');
    expect(h.undo()).toBe('b');
    expect(h.undo()).toBe('a');
    expect(h.undo()).toBeUndefined();
    expect(h.present).toBe('a');
    expect(h.canRedo).toBe(true);
    expect(h.redo()).toBe('b');
    expect(h.redo()).toBe('c');
    expect(h.redo()).toBeUndefined();
    expect(h.canRedo).toBe(false);
  });

  it('push() after undo() discards the redo steps', () => {
    const h = createHistory(0);
    h.push(1);
    h.push(2);
    h.undo();
    h.push(3);
    expect(h.canRedo).toBe(false);
    expect(h.undo()).toBe(1);
  });

  it(`keeps at most ${DEFAULT_HISTORY_LIMIT} undo steps by default, dropping the oldest`, () => {
    const h = createHistory(0);
    for (let i = 1; i <= 250; i++) h.push(i);
    expect(h.undoDepth).toBe(DEFAULT_HISTORY_LIMIT);
    let last: number | undefined;
    while (h.canUndo) last = h.undo();
    expect(last).toBe(50);
  });

  it('ignores a push equal to the present, and coalesces pushes with the same key', () => {
    const h = createHistory({ name: 'a' }, { equals: (x, y) => x.name === y.name });
    h.push({ name: 'a' });
    expect(h.canUndo).toBe(false);
    h.push({ name: 'ab' }, { coalesce: 'name' });
    h.push({ name: 'abc' }, { coalesce: 'name' });
    h.push({ name: 'abcd' }, { coalesce: 'name' });
    expect(h.undoDepth).toBe(1);
    expect(h.undo()).toEqual({ name: 'a' });
    expect(h.redo()).toEqual({ name: 'abcd' });
  });

  it('reset() forgets every step', () => {
    const h = createHistory(1, { limit: 3 });
    h.push(2);
    h.reset(9);
    expect([h.present, h.canUndo, h.canRedo]).toEqual([9, false, false]);
  });
});
