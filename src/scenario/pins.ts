/**
 * Pins: a derived cell given a value, spreadsheet-style ("what if the achieved bandwidth were
 * 2 TB/s?"). Its formula is set aside (LiveGraph.pin), the cell says so in a warning, and cells
 * downstream follow it like an input. A scenario document lists them under `pins`; the CLI's
 * `--set` on a derived cell pins it. Values are read for the cell's unit ("2TB/s" → 2e12 B/s);
 * every pin is said out loud in the build's warnings.
 */
import { type CellDef, type DerivedDef, formatPlain, type InputDef, type LiveGraph, parseInputText, type Plain } from '../graph/index.js';
import { closestMatches } from '../registry/index.js';
import { ScenarioInputError } from './errors.js';
import type { OverrideValue } from './schema.js';

/** The kind of value a derived cell can be pinned to, as an input definition (to read typed text with). */
export function pinEditDef(def: DerivedDef): InputDef {
  const domain = def.unit === 'bool' ? { kind: 'boolean' as const } : def.unit === 'enum' || def.unit === 'text' ? { kind: 'text' as const } : { kind: 'number' as const };
  return { kind: 'input', id: def.id, label: def.label, doc: def.doc, unit: def.unit, displayUnit: def.displayUnit, layer: def.layer, wall: def.wall, default: null, domain };
}

/** A pin as given (number in SI, or text with a unit) → the plain value; text that is no value of the cell's kind throws. */
export function pinValue(def: DerivedDef, v: OverrideValue, path: string): Plain {
  if (typeof v !== 'string') return v;
  const parsed = parseInputText(pinEditDef(def), v);
  if (!parsed.ok) throw ScenarioInputError.at(path, parsed.message);
  return parsed.value;
}

/** The warning every pin carries at the top level: which cell, which formula is set aside, the value. */
export function pinWarning(def: DerivedDef, raw: Plain, path: string): string {
  return `${path}: ${def.id} is a derived cell (${def.formula}); pinned to ${formatPlain(raw, def.unit === '1' ? '' : def.unit)}, its formula set aside (cells downstream follow the pinned value)`;
}

/** The derived definition of `id`, or a bad-input error naming `path` (an input cell is set, not pinned). */
export function derivedAt(graph: LiveGraph, id: string, path: string): DerivedDef {
  if (!graph.has(id)) {
    const near = closestMatches(id, graph.topology.ids, 3);
    throw ScenarioInputError.at(path, `is not a cell of this scenario.${near.length ? ` Did you mean ${near.join(', ')}?` : ''}`);
  }
  const def: CellDef = graph.def(id);
  if (def.kind !== 'derived') throw ScenarioInputError.at(path, 'is an input cell: set it under overrides (or with --set), pins are for derived cells');
  return def;
}

/** A document's `pins` checked against the graph and read; each pin's warning goes to `warnings`. */
export function resolvePins(graph: LiveGraph, pins: Readonly<Record<string, OverrideValue>>, where: string, warnings: string[]): Record<string, Plain> {
  const out: Record<string, Plain> = {};
  for (const [id, v] of Object.entries(pins)) {
    const path = `${where}.${id}`;
    const def = derivedAt(graph, id, path);
    out[id] = pinValue(def, v, path);
    warnings.push(pinWarning(def, out[id], path));
  }
  return out;
}

/**
 * Pins the cells (after the inputs are set). A value of the wrong kind is refused with the
 * field named — a pin is always the user's own number, so nothing is kept that was not asked for.
 */
export function applyPins(graph: LiveGraph, pins: Readonly<Record<string, Plain>>, where: string): void {
  for (const [id, raw] of Object.entries(pins)) {
    const out = graph.pin(id, raw);
    if (!out.ok) {
      graph.unpin(id);
      throw ScenarioInputError.at(`${where}.${id}`, out.message ?? 'cannot be pinned to that value');
    }
  }
}
