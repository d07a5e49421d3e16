/**
 * #6 CLI cold start: wall time of `node bin/mlsysim.js eval Llama3_8B H100` (a fresh process
 * each run, output discarded), median of N, against `node -e 0` measured alternately in the
 * same run (so both see the same machine load). For reference, the same command through the
 * unbundled tsc output (dist/cli/main.js, ~150 modules plus zod's and yaml's) in the same
 * rotation: what the bundle in dist/bin (scripts/bundle-cli.ts) saves.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Figure, fmtMs, fmtX, heading, median, report, reps } from './util.js';

const BIN = fileURLToPath(new URL('../bin/mlsysim.js', import.meta.url));
const UNBUNDLED = new URL('../dist/cli/main.js', import.meta.url).href;
const ARGS = ['eval', 'Llama3_8B', 'H100'];
const unbundledArgs = ['--input-type=module', '-e',
  `const { main } = await import(${JSON.stringify(UNBUNDLED)}); process.exitCode = await main(${JSON.stringify(ARGS)});`];

function wall(args: readonly string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.toString()}`);
  return ms;
}

export function benchCliStart(): Figure[] {
  heading('#6 CLI cold start: mlsysim eval Llama3_8B H100');
  const n = reps(15, 4);
  const cli: number[] = [];
  const bare: number[] = [];
  const unbundled: number[] = [];
  wall([BIN, ...ARGS]);
  wall(unbundledArgs);
  for (let i = 0; i < n; i++) {
    bare.push(wall(['-e', '0']));
    cli.push(wall([BIN, ...ARGS]));
    unbundled.push(wall(unbundledArgs));
  }
  const m = median(cli);
  const b = median(bare);
  const u = median(unbundled);
  console.log(`      ${n} runs each; CLI min ${fmtMs(Math.min(...cli))}, max ${fmtMs(Math.max(...cli))}; the CLI's own share ${fmtMs(m - b)}`);
  console.log(`      unbundled dist/cli/main.js: ${fmtMs(u)} median (${fmtX(u / b)} node -e 0); bundled is ${fmtX(u / m)} faster`);
  return [report({
    name: 'cold start ≤ 300 ms wall',
    measured: `${fmtMs(m)} median`,
    baseline: `node -e 0 ${fmtMs(b)}`,
    ratio: fmtX(m / b),
    target: '≤ 300 ms',
    met: m <= 300,
  })];
}
