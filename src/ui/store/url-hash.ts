/**
 * The page's URL fragment carries up to four `&`-separated parameters:
 *
 *   #v=<view>&w=<workbook id>&s=<scenario id>&wb=<shared workbook>
 *
 * `v` is the view (url-state.ts; its JSON is URI-encoded, so it never contains `&`), `w` and
 * `s` say which stored workbook and scenario the view belongs to (so a reload reopens them,
 * and a view link from someone else is recognised as foreign), and `wb` (persist's LINK_PARAM)
 * is a whole workbook from a share link, removed once it has been imported.
 */
import { LINK_PARAM } from '../../persist/index.js';

export interface HashParts {
  /** The view parameter as decodeViewState reads it: '#v=…', or '' when there is none. */
  readonly view: string;
  /** The share-link payload (`wb=`), when present. */
  readonly link?: string;
  readonly workbookId?: string;
  readonly scenarioId?: string;
}

const VIEW = 'v';
const WORKBOOK = 'w';
const SCENARIO = 's';

function decoded(v: string): string | undefined {
  try {
    return decodeURIComponent(v) || undefined;
  } catch {
    return undefined;
  }
}

/** Splits a location hash (with or without '#'); unknown parameters are ignored. */
export function splitHash(hash: string): HashParts {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  let view = '';
  let link: string | undefined;
  let workbookId: string | undefined;
  let scenarioId: string | undefined;
  for (const part of body.split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq);
    const value = part.slice(eq + 1);
    if (key === VIEW) view = `#${part}`;
    else if (key === LINK_PARAM) link = value;
    else if (key === WORKBOOK) workbookId = decoded(value);
    else if (key === SCENARIO) scenarioId = decoded(value);
  }
  return { view, link, workbookId, scenarioId };
}

/** `view` ('#v=…') followed by the workbook, scenario and pending link parameters that are set. */
export function joinHash(view: string, parts: Omit<HashParts, 'view'>): string {
  const out = [view.replace(/^#/, '')].filter(Boolean);
  if (parts.workbookId) out.push(`${WORKBOOK}=${encodeURIComponent(parts.workbookId)}`);
  if (parts.scenarioId) out.push(`${SCENARIO}=${encodeURIComponent(parts.scenarioId)}`);
  if (parts.link !== undefined) out.push(`${LINK_PARAM}=${parts.link}`);
  return out.length ? `#${out.join('&')}` : '';
}
