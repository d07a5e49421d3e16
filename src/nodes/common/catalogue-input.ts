/**
 * Input cells whose default is a catalogue fact (provenance 'catalogue', the entry's source)
 * or, when the catalogue has no figure, a documented fallback (provenance 'default') or
 * nothing at all (null, an optional input; the first formula that needs it reports
 * `missing_data`, physics.md §2.1).
 */
import { type Domain, input, type InputDef, type Plain, type Provenance, type SourceRef } from '../../graph/index.js';

export interface CatalogueInputSpec extends Omit<InputDef, 'kind' | 'default' | 'provenance' | 'source'> {
  /** The catalogue's figure (SI), absent when the entry has none. */
  readonly value: Plain | undefined;
  /** Where the catalogue figure comes from. */
  readonly catalogueSource?: SourceRef;
  /** Used when the catalogue has no figure (a §1.5 default), with its own source. */
  readonly fallback?: { readonly value: Plain; readonly source: SourceRef };
}

function optional(domain: Domain): Domain {
  return { ...domain, optional: true };
}

export function catalogueInput(spec: CatalogueInputSpec): InputDef {
  const { value, catalogueSource, fallback, domain, ...rest } = spec;
  if (value !== undefined && value !== null) {
    return input({ ...rest, domain, default: value, provenance: 'catalogue', source: catalogueSource });
  }
  if (fallback) return input({ ...rest, domain, default: fallback.value, provenance: 'default', source: fallback.source });
  return input({ ...rest, domain: optional(domain), default: null, provenance: 'default', source: catalogueSource });
}

/** The physics specification as a source: `spec('§1.5 storage_bandwidth fallback')`. */
export const spec = (section: string): SourceRef => ({ kind: 'spec', ref: `physics.md ${section}` });

/** Catalogue provenance when the fact came from the catalogue, else the spec default. */
export function provenanceOf(fromCatalogue: boolean): Provenance {
  return fromCatalogue ? 'catalogue' : 'default';
}
