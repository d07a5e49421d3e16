/**
 * #6 CLI cold start: wall time of `node bin/mlsysim.js eval Llama3_8B H100` (a fresh process
 * each run, output discarded), median of N, against `node -e 0` measured alternately in the
 * same run (so both see the same machine load).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Figure, fmtMs, fmtX, heading, median, report, reps } from './util.js';

const BIN = fileURLToPath(new URL('../bin/mlsysim.js', import.meta.url));

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
  wall([BIN, 'eval', 'Llama3_8B', 'H100']);
  for (let i = 0; i < n; i++) {
    bare.push(wall(['-e', '0']));
    cli.push(wall([BIN, 'eval', 'Llama3_8B', 'H100']));
  }
  const m = median(cli);
  const b = median(bare);
  console.log(`      ${n} runs each; CLI min ${fmtMs(Math.min(...cli))}, max ${fmtMs(Math.max(...cli))}; the CLI's own share ${fmtMs(m - b)}`);
  return [report({
    name: 'cold start ≤ 300 ms wall',
    measured: `${fmtMs(m)} median`,
    baseline: `node -e 0 ${fmtMs(b)}`,
    ratio: fmtX(m / b),
    target: '≤ 300 ms',
    met: m <= 300,
  })];
}
