/**
 * A description from outside (a link, an old URL) may name an id the catalogue does not have —
 * a model that was renamed, a typo. Rather than refusing the whole link, each catalogue choice
 * the build refuses is replaced by its default and said out loud, naming the field, the id and
 * the registry's suggestions; the rest of the link (the other choices, mode, ops, overrides)
 * is kept. Only when that still cannot be built is the default scenario shown.
 */
import { ScenarioInputError } from '../../scenario/index.js';
import { DEFAULT_DESC, entryLabel, type ScenarioDesc } from './scenario-desc.js';

/** The catalogue choices a description names, each with what stands in for it. */
const FIELDS = ['model', 'hardware', 'system', 'region'] as const;
type Field = (typeof FIELDS)[number];

const STAND_IN: Readonly<Record<Field, string>> = {
  model: `the default model, ${DEFAULT_DESC.model}`,
  hardware: `the default hardware, ${entryLabel(DEFAULT_DESC.hardware)}`,
  system: 'one device',
  region: 'the default grid region, US_Avg',
};

export interface Repaired<T> {
  readonly desc: ScenarioDesc;
  readonly built: T;
  /** One sentence per replaced choice (empty when the description built as it was). */
  readonly problems: readonly string[];
}

function fieldOf(e: unknown): Field | undefined {
  if (!(e instanceof ScenarioInputError)) return undefined;
  const path = e.path ?? '';
  return FIELDS.find((f) => path === f || path.startsWith(`${f}.`) || path.startsWith(`${f}[`));
}

/** What a refused choice becomes: the default model or device; no system, no region. */
const fallback = (field: Field): ScenarioDesc[Field] => (field === 'model' || field === 'hardware' ? DEFAULT_DESC[field] : undefined);

/**
 * Builds `desc` with `build`; each catalogue choice it refuses is replaced (STAND_IN) and the
 * build tried again. Throws what the last build threw when the refusal is not about a choice.
 */
export function buildRepaired<T>(desc: ScenarioDesc, build: (d: ScenarioDesc) => T): Repaired<T> {
  const problems: string[] = [];
  let current = desc;
  for (;;) {
    try {
      return { desc: current, built: build(current), problems };
    } catch (e) {
      const field = fieldOf(e);
      if (field === undefined || current[field] === fallback(field)) throw e;
      problems.push(`${(e as Error).message.trim()} Showing ${STAND_IN[field]} instead; the rest of the link is kept.`);
      current = { ...current, [field]: fallback(field) };
    }
  }
}
