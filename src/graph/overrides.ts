/**
 * A live graph's edits as plain JSON (what workbooks and share links store) and back.
 */
import type { LiveGraph, SetOutcome } from './live.js';
import type { Plain } from './values.js';

/**
 * Inputs whose value differs from their definition default: id → raw value, JSON-safe:
 * ±∞ (which JSON would turn into null) is written as the string "Infinity" / "-Infinity".
 */
export function overridesOf(graph: LiveGraph): Record<string, Plain> {
  const out: Record<string, Plain> = {};
  for (const id of graph.topology.inputIds) {
    const raw = graph.rawInput(id);
    const def = graph.def(id);
    if (def.kind !== 'input' || Object.is(raw, def.default)) continue;
    out[id] = typeof raw === 'number' && !Number.isFinite(raw) && !Number.isNaN(raw) ? String(raw) : raw;
  }
  return out;
}

/** Applies overrides to the graph's inputs (unknown ids are reported, not thrown). */
export function importInto(graph: LiveGraph, values: Readonly<Record<string, Plain>>): SetOutcome[] {
  const known: Record<string, Plain> = {};
  const unknown: SetOutcome[] = [];
  for (const [id, v] of Object.entries(values)) {
    if (graph.isInput(id)) {
      const def = graph.def(id);
      const numeric = def.kind === 'input' && def.domain.kind === 'number';
      known[id] = numeric && (v === 'Infinity' || v === '-Infinity') ? Number(v) : v;
    } else {
      unknown.push({ id, ok: false, message: graph.has(id) ? `${id} is a derived cell and cannot be set` : `unknown input cell ${id}` });
    }
  }
  return [...graph.setMany(known), ...unknown];
}
