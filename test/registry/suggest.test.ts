import { describe, expect, it } from 'vitest';
import { closestMatches, editDistance } from '../../src/registry/index.js';

describe('editDistance(a, b)', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('H10', 'H100')).toBe(1);
    expect(editDistance('H100', 'H200')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('counts an adjacent swap as one edit', () => {
    expect(editDistance('Qeubec', 'Quebec')).toBe(1);
  });
});

describe('closestMatches(query, candidates)', () => {
  const ids = ['H100', 'H200', 'A100', 'B200', 'Llama3_8B', 'Llama3_70B', 'Quebec'];

  it('ranks by distance, then shared prefix', () => {
    expect(closestMatches('H10', ids).slice(0, 2)).toEqual(['H100', 'H200']);
  });

  it('ignores case when matching', () => {
    expect(closestMatches('h100', ids)[0]).toBe('H100');
    expect(closestMatches('QUEBEC', ids)).toEqual(['Quebec']);
  });

  it('finds ids that contain the query', () => {
    expect(closestMatches('Llama3', ids)).toEqual(['Llama3_8B', 'Llama3_70B']);
  });

  it('returns nothing for an unrelated query and respects the limit', () => {
    expect(closestMatches('zzzzzzzz', ids)).toEqual([]);
    expect(closestMatches('H10', ids, 1)).toEqual(['H100']);
  });
});
