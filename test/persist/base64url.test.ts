import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url, PersistError } from '../../src/persist/index.js';

describe('base64url', () => {
  it('encodeBase64url matches Node\'s base64url, and decodeBase64url reverses it', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      const text = encodeBase64url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(Array.from(decodeBase64url(text))).toEqual(Array.from(bytes));
    }));
  });

  it('decodeBase64url refuses other characters and impossible lengths', () => {
    expect(() => decodeBase64url('ab+c')).toThrow(PersistError);
    expect(() => decodeBase64url('abcde')).toThrow(/cut off/);
  });
});
