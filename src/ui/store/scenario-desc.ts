/**
 * What the workbench describes: catalogue choices, mode, region, ops days and the overrides
 * typed so far. Plain JSON, so it travels in the URL and in the undo stack as it is.
 *
 * A workbook stores Scenario documents; `fromScenario` / `toScenarioDocument` convert both
 * ways. What a document says that the controls do not edit (its name, a fleet written as a
 * map, the layout rule, asserts, sweeps) rides along in `extras`, is built, and is written
 * back unchanged.
 */
import type { Plain } from '../../graph/index.js';
import { LAYOUT_CELLS, MODES, type Scenario, type ScenarioMode } from '../../scenario/index.js';
import type { CustomHardware, CustomModel, FleetInput, Layout, OverrideValue } from '../../scenario/index.js';

/** The parts of a scenario document the controls do not edit (absent fields are absent). */
interface ScenarioExtras {
  readonly name?: string;
  readonly description?: string;
  /** A fleet written as a map; a catalogue system (`desc.system`) replaces it. */
  readonly fleet?: FleetInput;
  readonly layout?: Layout;
  /** `ops: {}` without a duration (Macro lens on, default duration); ops days replace it. */
  readonly ops?: Scenario['ops'];
  readonly asserts?: Scenario['asserts'];
  readonly sweeps?: Scenario['sweeps'];
}

export interface ScenarioDesc {
  /** A catalogue id, or a custom model as pasted (the registry's raw spelling). */
  readonly model: string | CustomModel;
  readonly hardware: string | CustomHardware;
  /** A cluster or node id; absent = one device. */
  readonly system?: string;
  /** Absent = the scenario's default (inference for one device, training for a fleet). */
  readonly mode?: ScenarioMode;
  /** A grid id; absent = US_Avg. */
  readonly region?: string;
  /** Present = operations are described (activates the Macro lens; sets capital.duration). */
  readonly opsDays?: number;
  /** Input cell id → raw value (SI), the user's edits. */
  readonly overrides: Readonly<Record<string, Plain>>;
  /** Derived cell id → the value it is pinned to (SI), its formula set aside (scenario/pins.ts). */
  readonly pins?: Readonly<Record<string, Plain>>;
  /** What a workbook's scenario document adds (see ScenarioExtras); the URL does not carry it. */
  readonly extras?: ScenarioExtras;
}

/** The default workbook: Llama3_8B on one H100, inference, batch 1. */
export const DEFAULT_DESC: ScenarioDesc = { model: 'Llama3_8B', hardware: 'H100', mode: 'inference', overrides: {} };

/** The scenario document for `buildScenario` (overrides are applied by the store). */
export function toScenario(desc: ScenarioDesc): Scenario {
  const x = desc.extras ?? {};
  const system = desc.system ? desc.system : x.fleet;
  const ops = desc.opsDays !== undefined ? { duration_days: desc.opsDays } : x.ops;
  return {
    ...(x.name !== undefined ? { name: x.name } : {}),
    ...(x.description !== undefined ? { description: x.description } : {}),
    model: desc.model,
    hardware: desc.hardware,
    ...(system ? { system } : {}),
    ...(desc.region ? { region: desc.region } : {}),
    ...(desc.mode ? { mode: desc.mode } : {}),
    ...(ops ? { ops } : {}),
    ...(x.layout ? { layout: x.layout } : {}),
    ...(x.asserts ? { asserts: x.asserts } : {}),
    ...(x.sweeps ? { sweeps: x.sweeps } : {}),
  };
}

/** ±∞ cannot be JSON: they are stored as text, which overrideValue parses back (units.ts accepts "Infinity"). */
const toOverride = (v: Plain): OverrideValue => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v);

/**
 * The whole scenario document a workbook stores: `toScenario` plus the overrides. Setting a
 * layout cell means `layout: given` (scenario schema), so an `auto` layout becomes `given` then.
 */
export function toScenarioDocument(desc: ScenarioDesc): Scenario {
  const pinned = Object.entries(desc.pins ?? {});
  const doc = { ...toScenario(desc), ...(pinned.length ? { pins: Object.fromEntries(pinned.map(([id, v]) => [id, toOverride(v)])) } : {}) };
  const ids = Object.keys(desc.overrides);
  if (!ids.length) return doc;
  const overrides = Object.fromEntries(ids.map((id) => [id, toOverride(desc.overrides[id])]));
  const layoutSet = ids.some((id) => (LAYOUT_CELLS as readonly string[]).includes(id));
  return { ...doc, ...(layoutSet && doc.layout === 'auto' ? { layout: 'given' as const } : {}), overrides };
}

/** A scenario document → the description the store builds (the reverse of toScenarioDocument). */
export function fromScenario(s: Scenario): ScenarioDesc {
  const extras: ScenarioExtras = {
    ...(s.name !== undefined ? { name: s.name } : {}),
    ...(s.description !== undefined ? { description: s.description } : {}),
    ...(s.system !== undefined && typeof s.system !== 'string' ? { fleet: s.system } : {}),
    ...(s.layout !== undefined ? { layout: s.layout } : {}),
    ...(s.ops !== undefined && s.ops.duration_days === undefined ? { ops: s.ops } : {}),
    ...(s.asserts !== undefined ? { asserts: s.asserts } : {}),
    ...(s.sweeps !== undefined ? { sweeps: s.sweeps } : {}),
  };
  return {
    model: s.model,
    hardware: s.hardware,
    ...(typeof s.system === 'string' ? { system: s.system } : {}),
    ...(s.mode !== undefined ? { mode: s.mode } : {}),
    ...(s.region !== undefined ? { region: s.region } : {}),
    ...(s.ops?.duration_days !== undefined ? { opsDays: s.ops.duration_days } : {}),
    // Strings (units, enum keys) are converted for each input when the store builds.
    overrides: { ...(s.overrides ?? {}) },
    ...(s.pins && Object.keys(s.pins).length ? { pins: { ...s.pins } } : {}),
    ...(Object.keys(extras).length ? { extras } : {}),
  };
}

/**
 * `desc` with `patch` applied as the controls mean it: a catalogue system replaces a fleet
 * map, ops days replace `ops: {}`, and a new model, device or system drops the document's
 * name (it described the old choice).
 */
export function withChoice(desc: ScenarioDesc, patch: Partial<Omit<ScenarioDesc, 'overrides' | 'extras'>>): ScenarioDesc {
  const { extras: before, ...plain } = { ...desc, ...patch };
  if (!before) return plain;
  const changed = (k: keyof typeof patch): boolean => k in patch && patch[k] !== desc[k];
  const { fleet, ops, name, ...rest } = before;
  const extras: ScenarioExtras = {
    ...rest,
    ...(fleet && !('system' in patch) ? { fleet } : {}),
    ...(ops && !('opsDays' in patch) ? { ops } : {}),
    ...(name !== undefined && !changed('model') && !changed('hardware') && !changed('system') ? { name } : {}),
  };
  return Object.keys(extras).length ? { ...plain, extras } : plain;
}

export function isMode(v: unknown): v is ScenarioMode {
  return typeof v === 'string' && (MODES as readonly string[]).includes(v);
}

/** "Llama3_8B", or the id of a custom entry with "(custom)". */
export function entryLabel(entry: string | { readonly id: string }): string {
  return typeof entry === 'string' ? entry : `${entry.id} (custom)`;
}
