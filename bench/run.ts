/**
 * `npm run bench [-- --quick] [-- --only=sweep,search]`: every benchmark of docs/performance.md,
 * against the library in dist/ (the script builds it first). Exit code 0 whether or not
 * targets are met — timings are not tests; the summary lists the misses.
 */
import { benchBrowser } from './browser.js';
import { benchCliStart } from './cli-start.js';
import { benchEdit } from './edit.js';
import { benchIncrementality } from './incrementality.js';
import { benchScratchVsEdit } from './scratch-vs-edit.js';
import { benchSearch } from './search.js';
import { benchSweep } from './sweep.js';
import { type Figure, QUICK } from './util.js';

const ALL: Record<string, () => Figure[] | Promise<Figure[]>> = {
  incrementality: benchIncrementality,
  edit: benchEdit,
  scratch: benchScratchVsEdit,
  sweep: benchSweep,
  search: benchSearch,
  cli: benchCliStart,
  browser: benchBrowser,
};

const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
console.log(`mlsysim benchmarks — node ${process.version}, ${QUICK ? 'quick smoke run' : 'full run'}`);
const figures: Figure[] = [];
for (const [name, bench] of Object.entries(ALL)) if (!only || only.includes(name)) figures.push(...(await bench()));
const missed = figures.filter((f) => !f.met);
console.log(`\n${figures.length - missed.length}/${figures.length} targets met${missed.length ? `; missed: ${missed.map((f) => f.name).join('; ')}` : ''}`);
