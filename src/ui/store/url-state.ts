/**
 * The view in the URL: the scenario description, the selected cell and the view flags as
 * compact JSON in the hash (`#v=…`, URI-encoded), so a reload or a shared link shows the same
 * thing. Reading never throws: a state that cannot be read gives the defaults and a notice.
 */
import type { Plain } from '../../graph/index.js';
import { DEFAULT_DESC, isMode, type ScenarioDesc } from './scenario-desc.js';

export interface ViewState {
  readonly desc: ScenarioDesc;
  readonly selected?: string;
  readonly focus?: boolean;
  readonly presentation?: boolean;
  /** Graph filter: "w4" (wall 4) or "s:scenario" (a scope). */
  readonly filter?: string;
}

interface DecodedState {
  readonly state: ViewState;
  /** Why the URL's state was not used (undefined when it was, or when there was none). */
  readonly notice?: string;
}

export const DEFAULT_VIEW: ViewState = { desc: DEFAULT_DESC };

type Json = Record<string, unknown>;

/** ±∞ cannot be JSON; they travel as strings. */
const toJson = (v: Plain): unknown => (typeof v === 'number' && !Number.isFinite(v) && !Number.isNaN(v) ? String(v) : v);
const fromJson = (v: unknown): Plain | undefined => {
  if (v === 'Infinity' || v === '-Infinity') return Number(v);
  return v === null || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : undefined;
};

export function encodeViewState(s: ViewState): string {
  const d = s.desc;
  const o = Object.fromEntries(Object.entries(d.overrides).map(([k, v]) => [k, toJson(v)]));
  const pn = Object.fromEntries(Object.entries(d.pins ?? {}).map(([k, v]) => [k, toJson(v)]));
  const compact: Json = {
    m: d.model, h: d.hardware, s: d.system, mode: d.mode, r: d.region, d: d.opsDays,
    o: Object.keys(o).length ? o : undefined,
    pn: Object.keys(pn).length ? pn : undefined,
    sel: s.selected, f: s.focus ? 1 : undefined, p: s.presentation ? 1 : undefined, w: s.filter,
  };
  return `#v=${encodeURIComponent(JSON.stringify(compact))}`;
}

class BadState extends Error {}
const fail = (why: string): never => {
  throw new BadState(why);
};
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const entry = (v: unknown, field: string): string | Json =>
  typeof v === 'string' || (isObject(v) && typeof v.id === 'string') ? (v as string | Json) : fail(`${field} must be an id or a custom entry`);
const optString = (v: unknown, field: string): string | undefined =>
  v === undefined || typeof v === 'string' ? v : fail(`${field} must be text`);

/** A map of cell id → plain value (overrides `o`, pins `pn`). */
function readValues(v: unknown, what: string): Record<string, Plain> {
  const out: Record<string, Plain> = {};
  if (v === undefined) return out;
  if (!isObject(v)) fail(`${what}s must be a map`);
  for (const [k, x] of Object.entries(v as Json)) {
    const plain = fromJson(x);
    if (plain === undefined) fail(`${what} ${k} must be a number, text, true/false or null`);
    out[k] = plain as Plain;
  }
  return out;
}

function readDesc(j: Json): ScenarioDesc {
  const overrides = readValues(j.o, 'override');
  const pins = readValues(j.pn, 'pin');
  if (j.mode !== undefined && !isMode(j.mode)) fail(`mode must be inference, serving or training (got ${String(j.mode)})`);
  if (j.d !== undefined && !(typeof j.d === 'number' && j.d > 0)) fail('ops days must be a number > 0');
  return {
    // Custom entries are checked by the registry when the scenario is built.
    model: entry(j.m ?? DEFAULT_DESC.model, 'model') as ScenarioDesc['model'],
    hardware: entry(j.h ?? DEFAULT_DESC.hardware, 'hardware') as ScenarioDesc['hardware'],
    system: optString(j.s, 'system'),
    mode: j.mode as ScenarioDesc['mode'],
    region: optString(j.r, 'region'),
    opsDays: j.d as number | undefined,
    overrides,
    ...(Object.keys(pins).length ? { pins } : {}),
  };
}

/** The state in a location hash ('' or '#' = none: the defaults, no notice). */
export function decodeViewState(hash: string): DecodedState {
  const raw = hash.replace(/^#/, '');
  if (!raw) return { state: DEFAULT_VIEW };
  try {
    if (!raw.startsWith('v=')) fail('it is not workbench state');
    const parsed: unknown = JSON.parse(decodeURIComponent(raw.slice(2)));
    if (!isObject(parsed)) fail('it is not a JSON object');
    const j = parsed as Json;
    return {
      state: {
        desc: readDesc(j),
        selected: optString(j.sel, 'selected cell'),
        focus: j.f === 1 || j.f === true,
        presentation: j.p === 1 || j.p === true,
        filter: optString(j.w, 'filter'),
      },
    };
  } catch (e) {
    const why = e instanceof BadState ? e.message : 'it is not valid JSON';
    return { state: DEFAULT_VIEW, notice: `The link's state could not be read (${why}); showing the default scenario.` };
  }
}
