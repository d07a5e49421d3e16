/**
 * The live graph: cell definitions on @preact/signals-core. Inputs are signals, derived
 * cells are computeds that read exactly their declared inputs. Reading a cell evaluates
 * lazily; setting an input marks its downstream cone stale, and the next reads recompute
 * that cone — each cell once — and nothing else.
 *
 * Every derived evaluation returns a fresh value object, so preact's equality cut-off never
 * fires: the recomputed set after an edit is exactly the downstream cone (which the
 * evaluation counters make testable).
 */
import { batch, computed, effect, type ReadonlySignal, type Signal, signal, untracked } from '@preact/signals-core';
import type { CellDef, DerivedDef, InputDef, Provenance } from './cell.js';
import { evaluateDerived, inputValue, pinnedValue } from './evaluate.js';
import { importInto, overridesOf } from './overrides.js';
import { Topology } from './topology.js';
import { validateDefinitions } from './validate.js';
import { type CellValue, type Plain, sameForTrace, sameValue } from './values.js';

/** What happened to one requested input change. */
export interface SetOutcome {
  readonly id: string;
  readonly ok: boolean;
  /** Why the value was refused (the input now holds an `invalid_input` error). */
  readonly message?: string;
}

/** A cell whose value changed in an edit, with both values. */
export interface CellChange {
  readonly id: string;
  readonly before: CellValue;
  readonly after: CellValue;
}

export interface EditResult {
  readonly outcomes: readonly SetOutcome[];
  /** Cells whose value changed, in topological order (the edited inputs first). */
  readonly changed: readonly CellChange[];
}

export type EditListener = (edited: readonly string[]) => void;

interface InputState {
  readonly def: InputDef;
  readonly sig: Signal<CellValue>;
  raw: Plain;
  provenance: Provenance;
}

export class LiveGraph {
  readonly topology: Topology;
  private readonly inputs = new Map<string, InputState>();
  private readonly cells = new Map<string, ReadonlySignal<CellValue>>();
  private readonly counts = new Map<string, number>();
  /**
   * Pins of derived cells: undefined while the formula rules. A pinned cell's computed reads only
   * its pin, so edits upstream of it no longer reach it or its dependents (cone-exact).
   */
  private readonly pinSigs = new Map<string, Signal<Plain | undefined>>();
  private readonly listeners = new Set<EditListener>();

  /** Validates the definitions (throws GraphDefinitionError) and builds the graph. */
  constructor(defs: readonly CellDef[]) {
    const order = validateDefinitions(defs);
    this.topology = new Topology(defs, order);
    for (const def of order) {
      if (def.kind === 'input') {
        const state: InputState = {
          def,
          sig: signal(this.checked(def, def.default)),
          raw: def.default,
          provenance: def.provenance ?? 'default',
        };
        this.inputs.set(def.id, state);
        this.cells.set(def.id, state.sig);
      } else {
        this.counts.set(def.id, 0);
        this.cells.set(def.id, this.derivedSignal(def));
      }
    }
  }

  private derivedSignal(def: DerivedDef): ReadonlySignal<CellValue> {
    const sources = def.reads.map((i) => this.cells.get(i)!);
    const n = sources.length;
    const pin = signal<Plain | undefined>(undefined);
    this.pinSigs.set(def.id, pin);
    return computed(() => {
      this.counts.set(def.id, this.counts.get(def.id)! + 1);
      const pinned = pin.value;
      if (pinned !== undefined) return pinnedValue(def, pinned);
      const vals: CellValue[] = new Array(n);
      // Read every declared input (so the subscription set equals the declaration).
      for (let i = 0; i < n; i++) vals[i] = sources[i].value;
      return evaluateDerived(def, vals);
    });
  }

  private checked(def: InputDef, raw: Plain): CellValue {
    return inputValue(def, raw);
  }

  // ---- reading ------------------------------------------------------------------------

  has(id: string): boolean {
    return this.cells.has(id);
  }

  def(id: string): CellDef {
    return this.topology.def(id);
  }

  /** The current value of a cell (evaluating what is stale). */
  get(id: string): CellValue {
    const s = this.cells.get(id);
    if (!s) throw new Error(`unknown cell ${id}`);
    return s.value;
  }

  /** The plain value of a cell, or undefined when it holds an error. */
  value(id: string): Plain | undefined {
    const v = this.get(id);
    return v.ok ? v.value : undefined;
  }

  /** Every cell's value, in topological order. */
  snapshot(): Map<string, CellValue> {
    const out = new Map<string, CellValue>();
    for (const id of this.topology.ids) out.set(id, this.get(id));
    return out;
  }

  /** The raw value last given to an input (even when it was refused). */
  rawInput(id: string): Plain {
    return this.inputState(id).raw;
  }

  provenance(id: string): Provenance {
    return this.inputState(id).provenance;
  }

  isInput(id: string): boolean {
    return this.inputs.has(id);
  }

  // ---- editing ------------------------------------------------------------------------

  private inputState(id: string): InputState {
    const s = this.inputs.get(id);
    if (!s) {
      throw new Error(this.cells.has(id) ? `${id} is a derived cell and cannot be set (pin it to set it aside)` : `unknown cell ${id}`);
    }
    return s;
  }

  /** Writes an input, or the pin of a pinned derived cell (a pinned cell is edited like an input). */
  private writeAny(id: string, raw: Plain, provenance: Provenance): SetOutcome {
    if (!this.inputs.has(id) && this.isPinned(id)) return this.writePin(id, raw);
    return this.write(this.inputState(id), raw, provenance);
  }

  private write(state: InputState, raw: Plain, provenance: Provenance): SetOutcome {
    const v = this.checked(state.def, raw);
    state.raw = raw;
    state.provenance = provenance;
    state.sig.value = v;
    return v.ok ? { id: state.def.id, ok: true } : { id: state.def.id, ok: false, message: v.error.message };
  }

  /**
   * Sets an input. A value outside the domain is stored as given and the input holds an
   * `invalid_input` error (cells downstream are blocked) — never clamped; the outcome says why.
   */
  set(id: string, raw: Plain): SetOutcome {
    const out = this.writeAny(id, raw, 'user');
    this.emit([id]);
    return out;
  }

  /** Sets several inputs (or pinned cells) at once; dependents recompute once for the whole batch. */
  setMany(values: Readonly<Record<string, Plain>>): SetOutcome[] {
    const ids = Object.keys(values);
    for (const id of ids) if (!this.isPinned(id)) this.inputState(id);
    const outs = batch(() => ids.map((id) => this.writeAny(id, values[id], 'user')));
    this.emit(ids);
    return outs;
  }

  /** Runs several edits as one batch. */
  batch<T>(fn: () => T): T {
    return batch(fn);
  }

  /** Resets one input, or all inputs, to its definition default. */
  reset(id?: string): void {
    const states = id === undefined ? [...this.inputs.values()] : [this.inputState(id)];
    batch(() => {
      for (const s of states) this.write(s, s.def.default, s.def.provenance ?? 'default');
    });
    this.emit(states.map((s) => s.def.id));
  }

  /**
   * Applies changes and reports every cell whose value changed, with before and after, in
   * topological order — the "cause and effect" trace.
   */
  edit(values: Readonly<Record<string, Plain>>): EditResult {
    const ids = Object.keys(values);
    const cone = new Set<string>(ids);
    for (const id of ids) {
      if (!this.isPinned(id)) this.inputState(id);
      for (const d of this.topology.downstream(id)) cone.add(d);
    }
    const order = [...cone].sort((a, b) => this.topology.rankOf(a) - this.topology.rankOf(b));
    const before = order.map((id) => this.get(id));
    const outcomes = this.setMany(values);
    const changed: CellChange[] = [];
    order.forEach((id, i) => {
      const after = this.get(id);
      if (!sameForTrace(before[i], after)) changed.push({ id, before: before[i], after });
    });
    return { outcomes, changed };
  }

  /** Writes an input (or a pinned cell) without counting as a user edit or notifying (sweeps restore with it). */
  restoreInput(id: string, raw: Plain, provenance: Provenance): void {
    this.writeAny(id, raw, provenance);
  }

  /** Sets or clears a pin without notifying (scratch evaluation of a derived axis). */
  restorePin(id: string, raw: Plain | undefined): void {
    this.writePin(id, raw);
  }

  // ---- pins (a derived cell set aside, spreadsheet-style) ------------------------------

  /**
   * Pins a derived cell to a value: its formula is set aside and it holds `raw` (with a warning
   * saying so) until unpinned; cells downstream follow it like an input. A value of the wrong
   * kind is held as an `invalid_input` error, never coerced. Returns the outcome.
   */
  pin(id: string, raw: Plain): SetOutcome {
    const out = this.writePin(id, raw);
    this.emit([id]);
    return out;
  }

  /** Restores a pinned cell's formula. */
  unpin(id: string): void {
    this.pinSignal(id).value = undefined;
    this.emit([id]);
  }

  isPinned(id: string): boolean {
    return this.pinSigs.get(id)?.value !== undefined;
  }

  /** Every pinned cell and its value (JSON-safe like `overrides`). */
  pins(): Record<string, Plain> {
    const out: Record<string, Plain> = {};
    for (const [id, s] of this.pinSigs) if (s.value !== undefined) out[id] = s.value;
    return out;
  }

  private pinSignal(id: string): Signal<Plain | undefined> {
    const s = this.pinSigs.get(id);
    if (!s) throw new Error(this.cells.has(id) ? `${id} is an input cell: set it instead of pinning it` : `unknown cell ${id}`);
    return s;
  }

  private writePin(id: string, raw: Plain | undefined): SetOutcome {
    const sig = this.pinSignal(id);
    sig.value = raw;
    if (raw === undefined) return { id, ok: true };
    const v = this.get(id);
    return v.ok ? { id, ok: true } : { id, ok: false, message: v.error.message };
  }

  // ---- overrides as plain JSON --------------------------------------------------------

  /** Inputs whose value differs from their definition default, JSON-safe (overrides.ts). */
  overrides(): Record<string, Plain> {
    return overridesOf(this);
  }

  /** Applies overrides (unknown ids are reported, not thrown; overrides.ts). */
  importOverrides(values: Readonly<Record<string, Plain>>): SetOutcome[] {
    return importInto(this, values);
  }

  // ---- notification -------------------------------------------------------------------

  /** Calls `fn` with a cell's value now and whenever it changes. Returns the unsubscribe. */
  subscribe(id: string, fn: (v: CellValue) => void): () => void {
    const s = this.cells.get(id);
    if (!s) throw new Error(`unknown cell ${id}`);
    let last: CellValue | undefined;
    return effect(() => {
      const v = s.value;
      // A recompute that gives the same value is not a change (values are fresh objects).
      if (last !== undefined && sameValue(last, v)) return;
      last = v;
      // Untracked: cells `fn` itself reads must not re-trigger this subscription.
      untracked(() => fn(v));
    });
  }

  /** Calls `fn` after each set / setMany / reset / edit with the inputs touched. */
  onEdit(fn: EditListener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(ids: readonly string[]): void {
    for (const l of this.listeners) l(ids);
  }

  // ---- instrumentation ----------------------------------------------------------------

  /** How many times a derived cell has been evaluated since construction or the last reset. */
  evaluations(id: string): number {
    return this.counts.get(id) ?? 0;
  }

  /** Evaluation counts of every derived cell. */
  evaluationCounts(): Map<string, number> {
    return new Map(this.counts);
  }

  resetEvaluationCounts(): void {
    for (const k of this.counts.keys()) this.counts.set(k, 0);
  }
}
