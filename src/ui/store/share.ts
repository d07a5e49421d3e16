/**
 * Structural sharing between two results of the same computation (the evaluation, the
 * roofline reading): the parts of `next` equal to the same parts of `prev` are replaced by
 * `prev`'s objects. A view keyed on identity (Solid's `Index`, memos) then re-runs only for
 * what changed: after a batch-size edit, the wall tiles and scorecard lenses whose numbers
 * did not move keep their objects, and their DOM is not touched.
 *
 * Plain data only (what JSON can hold, plus undefined and non-finite numbers): arrays and
 * objects with Object.prototype or a null prototype are compared member by member; anything
 * else (class instances, functions, maps) only by identity.
 */

/**
 * `next` with every part equal to `prev`'s counterpart replaced by it: `prev` itself when all
 * are equal, `next` itself when no part is, else a copy of `next` holding the shared parts.
 */
export function share<T>(prev: T | undefined, next: T): T {
  return shareValue(prev, next) as T;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function shareValue(prev: unknown, next: unknown): unknown {
  if (Object.is(prev, next)) return prev;
  if (Array.isArray(prev) && Array.isArray(next)) {
    let same = prev.length === next.length;
    let reused = false;
    const out = next.map((v: unknown, i) => {
      const s = i < prev.length ? shareValue(prev[i], v) : v;
      if (!Object.is(s, prev[i])) same = false;
      if (!Object.is(s, v)) reused = true;
      return s;
    });
    return same ? prev : reused ? out : next;
  }
  if (isPlainObject(prev) && isPlainObject(next)) {
    const keys = Object.keys(next);
    let same = keys.length === Object.keys(prev).length;
    let reused = false;
    const out: Record<string, unknown> = Object.getPrototypeOf(next) === null ? Object.create(null) : {};
    for (const k of keys) {
      const had = Object.prototype.hasOwnProperty.call(prev, k);
      const s = had ? shareValue(prev[k], next[k]) : next[k];
      if (!had || !Object.is(s, prev[k])) same = false;
      if (!Object.is(s, next[k])) reused = true;
      out[k] = s;
    }
    return same ? prev : reused ? out : next;
  }
  return next;
}
