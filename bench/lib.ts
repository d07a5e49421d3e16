/**
 * The library under test, loaded from dist/ (what `npm run build:lib` compiled with tsc, as
 * users run it), not from src/ through tsx: tsx's esbuild transform wraps every closure in a
 * `__name` call, which adds per-call costs of its own to the hot paths. The types still come
 * from src/, so this file type-checks without a build.
 */
import type * as GraphApi from '../src/graph/index.js';
import type * as ScenarioApi from '../src/scenario/index.js';

const load = (path: string): Promise<unknown> => import(new URL(`../dist/${path}`, import.meta.url).href);

export const G = (await load('graph/index.js')) as typeof GraphApi;
export const S = (await load('scenario/index.js')) as typeof ScenarioApi;
