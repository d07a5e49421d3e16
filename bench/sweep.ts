/**
 * #4 Sweep: 100,000 batch sizes of the full inference scenario, reading the whole scorecard,
 * through `sweep()` (which runs the compiled cone for long lists). Baseline: the hand-inlined
 * plain function of the same formulas (sweep-inline.ts), checked against the graph first.
 * Compiled and inline runs alternate (the ratio is the median of the pairs); the first compiled
 * sweep, which also generates and optimises the code, is reported apart. The signal path is
 * timed on a slice for reference.
 */
import { loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { G } from './lib.js';

const { signalSweeper, sweep } = G;
import { buildInference } from './scenarios.js';
import { inlineScorecard, inlineSweep, scorecardIds } from './sweep-inline.js';
import { type Figure, fmtMs, fmtX, heading, keep, median, QUICK, report, reps, timeMs } from './util.js';

// A full collection between timed runs (the benchmark's own process; --expose-gc set at run time).
setFlagsFromString('--expose-gc');
const fullGc = runInNewContext('gc') as () => void;

export function benchSweep(): Figure[] {
  heading('#4 Sweep: 100,000 batch sizes × the whole scorecard (Llama3_8B on H100)');
  const g = buildInference().graph;
  // The inline baseline writes out the mfu_linear power model (§1.5's first-build model); the
  // graph is set to the same model so both compute one thing (the activity model is the default).
  g.set('scenario.power_model', 'mfu_linear');
  const outputs = scorecardIds(g);
  const n = QUICK ? 20_000 : 100_000;
  const values = Array.from({ length: n }, (_, i) => i + 1);
  const fn = inlineScorecard(g);

  // The baseline must compute what the graph computes: compare at a spread of points.
  const probe = [1, 2, 7, 64, 333, 1024, 4096, 20_000, 65_536, 100_000];
  const table = sweep(g, 'scenario.batch_size', probe, outputs);
  let exact = 0;
  let compared = 0;
  probe.forEach((b, i) => fn(b).forEach((v, j) => {
    const ref = table.cells[i][j];
    compared++;
    if (v.ok && ref.ok && Object.is(v.value, ref.value)) exact++;
    else throw new Error(`inline baseline disagrees with the graph at B=${b}, ${outputs[j]}: ${JSON.stringify(v)} vs ${JSON.stringify(ref)}`);
  }));
  console.log(`      inline baseline = graph, bit for bit, at ${exact}/${compared} values (${probe.length} batch sizes incl. offload)`);

  // The first compiled sweep also generates the cone's code and lets the JIT optimise it (a
  // later sweep of the same cone reuses both); it is timed on its own.
  keep(null);
  fullGc();
  const first = timeMs(() => keep(sweep(g, 'scenario.batch_size', values, outputs)), 1, 0);
  // Compiled and inline runs alternate, so a burst of load on a shared machine falls on both;
  // the ratio is the median of the pairs' ratios.
  const runs = reps(9, 5);
  keep(inlineSweep(fn, values));
  const compiledMs: number[] = [];
  const inlineMs: number[] = [];
  const pairs: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Each run starts from a collected heap, so neither pays for the other's garbage.
    keep(null);
    fullGc();
    const c = timeMs(() => keep(sweep(g, 'scenario.batch_size', values, outputs)), 1, 0);
    keep(null);
    fullGc();
    const b = timeMs(() => keep(inlineSweep(fn, values)), 1, 0);
    compiledMs.push(c);
    inlineMs.push(b);
    pairs.push(c / b);
  }
  const compiled = median(compiledMs);
  const inline = median(inlineMs);
  const slice = values.slice(0, QUICK ? 500 : 5_000);
  const signal = (timeMs(() => keep(signalSweeper.sweep(g, 'scenario.batch_size', slice, outputs)), reps(5, 3), 1) * n) / slice.length;
  const per100k = (ms: number) => (ms * 100_000) / n;
  console.log(`      signal path (reference): ${fmtMs(per100k(signal))} per 100k points (${fmtX(signal / compiled)} the compiled time)`);
  console.log(`      first compiled sweep (code generated and optimised): ${fmtMs(per100k(first))} per 100k points; load average ${loadavg()[0].toFixed(1)}`);
  const ratio = median(pairs);
  return [
    report({
      name: '100,000 points ≤ 1 s',
      measured: `${fmtMs(per100k(compiled))} per 100k points${QUICK ? ` (timed ${n})` : ''}`,
      baseline: `signal path ${fmtMs(per100k(signal))}`,
      ratio: fmtX(signal / compiled),
      target: '≤ 1 s',
      met: per100k(compiled) <= 1000,
    }),
    report({
      name: 'within 3× of the hand-inlined plain function',
      measured: `${fmtMs(per100k(compiled))}`,
      baseline: `inline ${fmtMs(per100k(inline))}`,
      ratio: `${fmtX(ratio)} (median of ${runs} alternating pairs)`,
      target: '≤ 3×',
      met: ratio <= 3,
    }),
  ];
}
