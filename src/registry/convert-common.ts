/**
 * Provenance conversion shared by every section: raw `source` → `Source` (nulls dropped),
 * and the default source of a custom entry.
 */
import type { z } from 'zod';
import type { sourceSchema } from './schema-common.js';
import type { Provenance, Source } from './types.js';

type RawSource = z.infer<typeof sourceSchema>;

/** A custom entry with no `source` gets this one (the spec). */
const USER_SOURCE: Source = Object.freeze({ kind: 'user', ref: 'custom entry' });

export function toSource(raw: RawSource | null | undefined): Source | undefined {
  if (!raw) return undefined;
  const out: { -readonly [K in keyof Source]: Source[K] } = { kind: raw.kind, ref: raw.ref };
  if (raw.url) out.url = raw.url;
  if (raw.checked_against?.length) out.checked_against = raw.checked_against;
  if (raw.basis) out.basis = raw.basis;
  return out;
}

interface RawProvenance {
  source?: RawSource;
  verified?: string | null;
  notes?: string[];
}

export function toProvenance(raw: RawProvenance): Provenance {
  const verified = raw.verified ?? undefined;
  return {
    source: toSource(raw.source) ?? USER_SOURCE,
    ...(verified !== undefined ? { verified } : {}),
    notes: raw.notes ?? [],
  };
}

/**
 * Drop `undefined` values so an entry's keys are exactly its present fields
 * (`'tdp' in device` is false when the catalogue has null).
 */
export function compact<T extends object>(obj: T): T {
  for (const key of Object.keys(obj) as (keyof T)[]) {
    if (obj[key] === undefined) delete obj[key];
  }
  return obj;
}
