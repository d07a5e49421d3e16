/**
 * Text → input value for a cell, as typed in the workbench or given to `--set`:
 * numbers with units ("4TB/s", "80 GiB", "10 ms"), booleans, choices, "unset".
 */
import type { InputDef } from './cell.js';
import { normalizeChoice } from './domain.js';
import { parseQuantity, UnitError } from './units.js';
import type { Plain } from './values.js';

export type ParsedInput = { readonly ok: true; readonly value: Plain } | { readonly ok: false; readonly message: string };

export function parseInputText(def: InputDef, text: string): ParsedInput {
  const t = text.trim();
  if (/^(unset|null|none)$/i.test(t) && def.domain.optional) return { ok: true, value: null };
  switch (def.domain.kind) {
    case 'boolean':
      if (/^(true|yes|on|1)$/i.test(t)) return { ok: true, value: true };
      if (/^(false|no|off|0)$/i.test(t)) return { ok: true, value: false };
      return { ok: false, message: `${def.id} must be true or false (got "${text}")` };
    case 'choice': {
      const c = normalizeChoice(def.domain.choices, t);
      return c !== undefined
        ? { ok: true, value: c }
        : { ok: false, message: `${def.id} must be one of ${def.domain.choices.join(', ')} (got "${text}")` };
    }
    case 'text':
      return { ok: true, value: text };
    case 'number':
      try {
        return { ok: true, value: parseQuantity(t, def.unit) };
      } catch (e) {
        const why = e instanceof UnitError ? e.message : String(e);
        return { ok: false, message: `${def.id}: ${why}` };
      }
  }
}
