/**
 * #6 CLI start: wall time of `node bin/mlsysim.js eval Llama3_8B H100` (a fresh process each
 * run, output discarded), median of N, against `node -e 0` measured alternately in the same
 * run (so both see the same machine load). The headline is the usual start, with the compiled
 * code of an earlier run kept (bin/mlsysim.js: Node's compile cache on Node ≥ 22.1, V8's code
 * cache through vm.Script on Node 20), in a cache directory of the bench's own. In the same
 * rotation, for reference: the first start (NODE_DISABLE_COMPILE_CACHE=1, everything compiled)
 * and the unbundled tsc output (dist/cli/main.js, ≈ 150 modules plus zod's and yaml's), what
 * the bundle in dist/bin (scripts/bundle-cli.ts) saves.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Figure, fmtMs, fmtX, heading, median, report, reps } from './util.js';

const BIN = fileURLToPath(new URL('../bin/mlsysim.js', import.meta.url));
const UNBUNDLED = new URL('../dist/cli/main.js', import.meta.url).href;
const ARGS = ['eval', 'Llama3_8B', 'H100'];
const unbundledArgs = ['--input-type=module', '-e',
  `const { main } = await import(${JSON.stringify(UNBUNDLED)}); process.exitCode = await main(${JSON.stringify(ARGS)});`];

function wall(args: readonly string[], env: NodeJS.ProcessEnv): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.toString()}`);
  return ms;
}

export function benchCliStart(): Figure[] {
  heading('#6 CLI start: mlsysim eval Llama3_8B H100');
  const n = reps(21, 5);
  const cacheHome = mkdtempSync(join(tmpdir(), 'mlsysim-bench-cache-'));
  // Node ≥ 22.1 reads NODE_COMPILE_CACHE; bin/mlsysim.js on Node 20 keeps its cache under XDG_CACHE_HOME.
  const { NODE_DISABLE_COMPILE_CACHE: _, ...env } = process.env;
  const cached = { ...env, XDG_CACHE_HOME: cacheHome, NODE_COMPILE_CACHE: join(cacheHome, 'node') };
  const uncached = { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' };
  const cli: number[] = [];
  const first: number[] = [];
  const bare: number[] = [];
  const unbundled: number[] = [];
  try {
    wall([BIN, ...ARGS], cached); // writes the cache
    wall(unbundledArgs, process.env);
    for (let i = 0; i < n; i++) {
      bare.push(wall(['-e', '0'], process.env));
      cli.push(wall([BIN, ...ARGS], cached));
      first.push(wall([BIN, ...ARGS], uncached));
      unbundled.push(wall(unbundledArgs, process.env));
    }
  } finally {
    rmSync(cacheHome, { recursive: true, force: true });
  }
  const m = median(cli);
  const b = median(bare);
  const f = median(first);
  const u = median(unbundled);
  console.log(`      ${n} runs each, Node ${process.version}; CLI min ${fmtMs(Math.min(...cli))}, max ${fmtMs(Math.max(...cli))}; the CLI's own share ${fmtMs(m - b)}`);
  console.log(`      first start (nothing cached): ${fmtMs(f)} median (${fmtX(f / b)} node -e 0); the kept compiled code saves ${fmtMs(f - m)}`);
  console.log(`      unbundled dist/cli/main.js: ${fmtMs(u)} median (${fmtX(u / b)} node -e 0); the bundle's first start is ${fmtX(u / f)} faster`);
  return [report({
    name: 'start ≤ 200 ms wall (compiled code kept from an earlier run)',
    measured: `${fmtMs(m)} median`,
    baseline: `node -e 0 ${fmtMs(b)}`,
    ratio: fmtX(m / b),
    target: '≤ 200 ms',
    met: m <= 200,
  })];
}
