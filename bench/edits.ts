/** A different value for an input cell (valid where that is easy), to edit it with. */
import type { InputDef, Plain } from '../src/graph/index.js';

export function otherValue(def: InputDef, current: Plain): Plain {
  const d = def.domain;
  switch (d.kind) {
    case 'boolean':
      return !current;
    case 'text':
      return `${String(current ?? '')}x`;
    case 'choice':
      return d.choices.find((c) => c !== current) ?? current;
    case 'number': {
      const lo = d.min ?? -Infinity;
      const hi = d.max ?? Infinity;
      const ok = (v: number) => v >= lo && v <= hi && !(d.minExclusive && v === lo) && !(d.maxExclusive && v === hi);
      const base = typeof current === 'number' && Number.isFinite(current) ? current : Number.isFinite(lo) ? lo + 1 : 1;
      for (const v of d.integer ? [base + 1, base - 1, base * 2] : [base * 1.01, base * 0.99, base + 0.01, (lo + hi) / 2]) {
        if (ok(v) && v !== current) return v;
      }
      return base;
    }
  }
}
