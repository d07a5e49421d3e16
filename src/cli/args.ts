/**
 * Flag parsing helpers: strict numbers, repeatable --set CELL=VALUE, --axis
 * CELL=START:STOP[:N][:log], --vary CELL=LO:HI[:log], --target CELL=VALUE, and cell ids
 * checked against the graph (with the closest ids as suggestions).
 */
import type { InputDef, LiveGraph, Plain } from '../graph/index.js';
import { parseQuantity, UnitError } from '../graph/index.js';
import { isBareNumber } from '../graph/units.js';
import { closestMatches } from '../registry/index.js';
import { type BareCell, bareNumberWarning } from '../scenario/plausible.js';
import { CliError } from './errors.js';

/** Commander's collector for repeatable flags. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** A plain number flag ("32", "1e-3"); units are not accepted here. */
export function numberFlag(flag: string, text: string | undefined, rule: { int?: boolean; min?: number; minExclusive?: boolean } = {}): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text.trim());
  const { int = false, min, minExclusive = false } = rule;
  const what = `${int ? 'an integer' : 'a number'}${min !== undefined ? ` ${minExclusive ? '>' : '≥'} ${min}` : ''}`;
  const bad = text.trim() === '' || !Number.isFinite(v) || (int && !Number.isInteger(v))
    || (min !== undefined && (minExclusive ? v <= min : v < min));
  if (bad) throw new CliError('Bad flag value', `${flag} must be ${what} (got '${text}')`);
  return v;
}

/** "CELL=VALUE" → [cell, value]. */
export function splitAssignment(flag: string, text: string, form: string): [string, string] {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq === text.length - 1) throw new CliError('Bad flag value', `${flag} must be ${form} (got '${text}')`);
  return [text.slice(0, eq).trim(), text.slice(eq + 1).trim()];
}

/** Repeated --set CELL=VALUE → overrides (values stay text: the scenario parses them for the cell's unit). */
export function parseSets(sets: readonly string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of sets ?? []) {
    const [cell, value] = splitAssignment('--set', s, 'CELL=VALUE, e.g. hardware.memory_bandwidth=4TB/s');
    out[cell] = value;
  }
  return out;
}

/** A cell id of this scenario's graph, or a CliError naming the closest ids. */
export function requireCell(graph: LiveGraph, id: string, flag: string): void {
  if (graph.has(id)) return;
  const near = closestMatches(id, graph.topology.ids, 3);
  throw new CliError('Unknown cell', `${flag}: '${id}' is not a cell of this scenario.${near.length ? ` Did you mean ${near.join(', ')}?` : ''}`);
}

/** A numeric input cell (for sweep axes and goal-seek variables). */
export function requireNumericInput(graph: LiveGraph, id: string, flag: string): InputDef {
  requireCell(graph, id, flag);
  const def = graph.def(id);
  if (def.kind !== 'input') throw new CliError('Bad flag value', `${flag}: ${id} is a derived cell (${def.formula}); only input cells can be varied`);
  if (def.domain.kind !== 'number') throw new CliError('Bad flag value', `${flag}: ${id} is not numeric (it is a ${def.domain.kind})`);
  return def;
}

/** A quantity for a cell's unit ("4TB/s" → 4e12 for B/s); bare numbers are SI. */
export function quantity(flag: string, text: string, unit: string): number {
  try {
    const v = parseQuantity(text, unit === 'enum' || unit === 'bool' || unit === 'text' ? '1' : unit);
    if (Number.isNaN(v)) throw new UnitError(`"${text}" is not a number`);
    return v;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new CliError('Bad flag value', `${flag}: ${why}`);
  }
}

/**
 * A bound of a --vary or --axis range ("4TB/s", "1"): units accepted; a bare number is SI and,
 * when implausible for the input's quantity, adds a warning with the likely intent (plausible.ts).
 */
export function inputBound(flag: string, bound: string, text: string, def: BareCell, before: Plain | undefined, warnings: string[]): number {
  const v = quantity(flag, text, def.unit);
  const w = isBareNumber(text) ? bareNumberWarning(`${flag} ${def.id} ${bound}`, text.trim(), v, def, typeof before === 'number' ? before : null) : undefined;
  if (w) warnings.push(w);
  return v;
}

export interface AxisSpec {
  readonly cell: string;
  readonly start: string;
  readonly stop: string;
  readonly points: number;
  readonly scale: 'linear' | 'log';
}

const AXIS_FORM = 'CELL=START:STOP[:N][:log], e.g. scenario.batch_size=1:256:9:log';

/** "scenario.batch_size=1:256:9:log" → an axis (bounds still text: they may carry units). */
export function parseAxis(text: string): AxisSpec {
  const [cell, spec] = splitAssignment('--axis', text, AXIS_FORM);
  const parts = spec.split(':').map((p) => p.trim());
  let scale: 'linear' | 'log' = 'linear';
  const last = parts[parts.length - 1]?.toLowerCase();
  if (last === 'log' || last === 'lin' || last === 'linear') {
    scale = last === 'log' ? 'log' : 'linear';
    parts.pop();
  }
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === '')) {
    throw new CliError('Bad flag value', `--axis must be ${AXIS_FORM} (got '${text}')`);
  }
  const points = parts[2] === undefined ? 10 : numberFlag('--axis points (N)', parts[2], { int: true, min: 2 })!;
  if (points > 10_000) throw new CliError('Bad flag value', `--axis points (N) must be ≤ 10000 (got ${points})`);
  return { cell, start: parts[0], stop: parts[1], points, scale };
}

/** "--vary CELL=LO:HI[:log]". */
export function parseVary(text: string): { cell: string; lo: string; hi: string; scale: 'linear' | 'log' } {
  const form = 'CELL=LO:HI[:log], e.g. scenario.batch_size=1:256';
  const [cell, spec] = splitAssignment('--vary', text, form);
  const parts = spec.split(':').map((p) => p.trim());
  let scale: 'linear' | 'log' = 'linear';
  if (parts.length === 3 && /^(log|lin|linear)$/i.test(parts[2])) scale = parts.pop()!.toLowerCase() === 'log' ? 'log' : 'linear';
  if (parts.length !== 2 || parts.some((p) => p === '')) throw new CliError('Bad flag value', `--vary must be ${form} (got '${text}')`);
  return { cell, lo: parts[0], hi: parts[1], scale };
}
