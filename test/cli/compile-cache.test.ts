/**
 * bin/mlsysim.js keeps the bundle's compiled code between runs (docs/performance.md #6): Node's
 * compile cache where Node has one (≥ 22.1, in NODE_COMPILE_CACHE), else V8's code cache through
 * vm.Script in $XDG_CACHE_HOME/mlsysim. The cache only saves time: what the CLI prints is the
 * same with it, without it, and with a damaged one.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, type Run } from './helpers.js';

/** Node ≥ 22.1 keeps compiled code itself; Node 20 goes through bin/mlsysim.js's own cache. */
const NODE_CACHE = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

function run(args: readonly string[], env: Readonly<Record<string, string>>): Promise<Run> {
  return new Promise((done, fail) => {
    const { NODE_DISABLE_COMPILE_CACHE: _, ...base } = process.env;
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...base, NO_COLOR: '1', ...env }, timeout: 30_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** A fresh cache home, and the directory the cache lands in. */
function cacheHome(): { env: Record<string, string>; dir: string } {
  const home = mkdtempSync(join(tmpdir(), 'mlsysim-cache-'));
  const dir = NODE_CACHE ? join(home, 'node') : join(home, 'mlsysim');
  return { env: { XDG_CACHE_HOME: home, NODE_COMPILE_CACHE: join(home, 'node') }, dir };
}

const files = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String) : []);
const EVAL = ['--output', 'json', 'eval', 'Llama3_8B', 'H100'];

describe('the compiled code of the CLI is kept between runs', () => {
  it('the first run writes the cache; the second reads it and prints the same JSON', async () => {
    const { env, dir } = cacheHome();
    const first = await run(EVAL, env);
    expect(first.code).toBe(0);
    expect(files(dir).length).toBeGreaterThan(0);
    const second = await run(EVAL, env);
    expect(second.code).toBe(0);
    expect(second.stderr).toBe('');
    expect(second.stdout).toBe(first.stdout);
    expect(JSON.parse(second.stdout).f_status).toBe('PASS');
  }, 60_000);

  it('NODE_DISABLE_COMPILE_CACHE=1 writes nothing and prints the same', async () => {
    const { env, dir } = cacheHome();
    const [off, on] = await Promise.all([run(EVAL, { ...env, NODE_DISABLE_COMPILE_CACHE: '1' }), run(EVAL, cacheHome().env)]);
    expect(off.code).toBe(0);
    expect(files(dir)).toEqual([]);
    expect(off.stdout).toBe(on.stdout);
  }, 60_000);

  it('a damaged cache is refused and the run prints the same', async () => {
    const { env, dir } = cacheHome();
    const good = await run(EVAL, env);
    const cached = files(dir).filter((f) => statSync(join(dir, f)).isFile());
    expect(cached.length).toBeGreaterThan(0);
    const damaged = (f: string) => Buffer.alloc(statSync(join(dir, f)).size, 7);
    for (const f of cached) writeFileSync(join(dir, f), damaged(f));
    const again = await run(EVAL, env);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(good.stdout);
    // Node 20 (bin/mlsysim.js's own cache): V8 refuses the damaged data, and a good cache is written again.
    if (!NODE_CACHE) expect(readFileSync(join(dir, cached[0])).equals(damaged(cached[0]))).toBe(false);
  }, 60_000);

  it('Node 20: one cache per command, keyed by the bundle, the caches of other builds removed; Node ≥ 22.1: none of its own', async () => {
    const { env, dir } = cacheHome();
    if (NODE_CACHE) {
      await run(EVAL, env);
      expect(files(join(env.XDG_CACHE_HOME, 'mlsysim'))).toEqual([]);
      return;
    }
    await run(EVAL, env);
    await run(['zoo', 'grids'], env);
    const names = files(dir).sort();
    expect(names).toHaveLength(2);
    // <bundle and Node version>-<command>[-<node flags>].v8cache
    expect(names[0]).toMatch(/^[0-9a-f]{16}-eval(-[0-9a-f]{8})?\.v8cache$/);
    expect(names[1]).toMatch(/^[0-9a-f]{16}-zoo(-[0-9a-f]{8})?\.v8cache$/);
    writeFileSync(join(dir, '0000000000000000-serve.v8cache'), 'a cache of another build');
    await run(['schema'], env);
    expect(files(dir).sort()).toEqual([...names, names[0].replace(/-eval(?=[-.])/, '-schema')].sort());
  }, 60_000);

  it('an unwritable cache directory costs nothing but the cache', async () => {
    const home = mkdtempSync(join(tmpdir(), 'mlsysim-cache-'));
    writeFileSync(join(home, 'mlsysim'), 'a file where the directory would be');
    writeFileSync(join(home, 'node'), 'a file where the directory would be');
    const r = await run(EVAL, { XDG_CACHE_HOME: home, NODE_COMPILE_CACHE: join(home, 'node') });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).f_status).toBe('PASS');
    if (!NODE_CACHE) expect(r.stderr).toBe('');
  }, 60_000);
});
