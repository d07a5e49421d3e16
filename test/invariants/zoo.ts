/**
 * The zoo cross product for invariant suites: every catalogue model on every catalogue device,
 * evaluated through src/scenario's `evaluate` exactly as the CLI does (no overrides: every
 * default, the device's default precision included). Other invariant files reuse these helpers.
 */
import type { LiveGraph } from '../../src/graph/index.js';
import { type Evaluation, evaluate } from '../../src/scenario/index.js';
import { registry } from '../../src/registry/index.js';
import type { Model } from '../../src/registry/index.js';

export type ZooMode = 'inference' | 'serving' | 'training';

export interface ZooCase {
  readonly model: string;
  readonly hardware: string;
  readonly mode: ZooMode;
}

const LM_FAMILIES = new Set(['dense_lm', 'moe_lm']);

/** Autoregressive models: the ones a serving scenario applies to (physics.md §2.1). */
export function isLanguageModel(m: Model): boolean {
  return LM_FAMILIES.has(m.family);
}

/** Every model × device in `mode`; serving only for language models. */
export function zooCases(mode: ZooMode): ZooCase[] {
  const reg = registry();
  const devices = reg.list('hardware').map((d) => d.id);
  const models = reg.list('model').filter((m) => mode !== 'serving' || isLanguageModel(m));
  return models.flatMap((m) => devices.map((hardware) => ({ model: m.id, hardware, mode })));
}

export type ZooResult = { readonly c: ZooCase; readonly r: ReturnType<typeof evaluate> } | { readonly c: ZooCase; readonly thrown: string };

export function evaluateCase(c: ZooCase): ZooResult {
  try {
    return { c, r: evaluate({ model: c.model, hardware: c.hardware, mode: c.mode }) };
  } catch (e) {
    return { c, thrown: e instanceof Error ? e.message : String(e) };
  }
}

/** Scorecard metrics that are NaN or a `numeric` error ("… is not a number"), as "lens.key: why". */
export function numericProblems(r: Evaluation): string[] {
  const out: string[] = [];
  for (const lens of [r.card.feasibility, r.card.performance, r.card.macro]) {
    for (const m of Object.values(lens.metrics)) {
      if (m.errorKind === 'numeric') out.push(`${lens.name}.${m.key}: ${m.error ?? 'numeric error'}`);
      if (typeof m.value === 'number' && Number.isNaN(m.value)) out.push(`${lens.name}.${m.key}: NaN`);
    }
    for (const reason of lens.reasons) if (/\bNaN\b/.test(reason)) out.push(`${lens.name} reason: ${reason}`);
  }
  for (const w of r.walls) {
    if (/\bNaN\b/.test(w.reason)) out.push(`wall ${w.wall}: ${w.reason}`);
  }
  return out;
}

export const label = (c: ZooCase): string => `${c.model} on ${c.hardware} (${c.mode})`;

/** A cell's number; null when it holds null, undefined when it is absent or an error (floors skip it). */
export function num(g: LiveGraph, id: string): number | null | undefined {
  if (!g.has(id)) return undefined;
  const v = g.get(id);
  return v.ok && typeof v.value === 'number' ? v.value : v.ok && v.value === null ? null : undefined;
}

/** Relative slack for floating point only. */
export const SLACK = 1 - 1e-9;
