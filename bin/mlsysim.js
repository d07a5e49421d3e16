#!/usr/bin/env node
// The mlsysim command line: dist/bin/mlsysim.cjs, the compiled CLI bundled into one file
// (scripts/bundle-cli.ts), built by `npm install` (the `prepare` script) or `npm run build:lib`.
//
// Its compiled code is kept between runs (docs/performance.md #6): compiling the bundle is about
// a third of a start. Node ≥ 22.1 has a compile cache of its own (module.enableCompileCache);
// on Node 20 the bundle is compiled through vm.Script, whose cached data is V8's code cache,
// kept in $XDG_CACHE_HOME/mlsysim (~/.cache/mlsysim). NODE_DISABLE_COMPILE_CACHE=1 turns either
// off. The cache only ever saves time: a missing, stale or unwritable one is compiled afresh.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const BUNDLE = fileURLToPath(new URL('../dist/bin/mlsysim.cjs', import.meta.url));
const argv = process.argv.slice(2);
const disabled = /^(1|true)$/i.test(process.env.NODE_DISABLE_COMPILE_CACHE ?? '');

/** The command named on the command line (as src/cli/main.ts scans it), for one cache per command. */
function commandWord(args) {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--output' || args[i] === '-o') i++;
    else if (!args[i].startsWith('-')) return /^[a-z]{1,20}$/.test(args[i]) ? args[i] : 'other';
  }
  return 'none';
}

/** $XDG_CACHE_HOME/mlsysim (~/.cache/mlsysim), or none when there is no home to put it in. */
function cacheDir() {
  try {
    return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'mlsysim');
  } catch {
    return undefined;
  }
}

/**
 * Node 20: compile the bundle as a CommonJS module through vm.Script with V8's cached data for
 * this exact bundle text (keyed by its hash: V8 itself only checks the length) and this command.
 * Returns the module's exports and, when the cache was missing or refused, a function that
 * writes a new one (after the run, so it holds the functions the run compiled).
 */
function loadWithCodeCache(file) {
  const bytes = readFileSync(file);
  const dir = disabled ? undefined : cacheDir();
  const id = createHash('sha1').update(bytes).update(process.version).digest('hex').slice(0, 16);
  // V8 refuses data made with other flags: one cache per flag set, so that runs with and without
  // a flag (--cpu-prof, NODE_OPTIONS) do not overwrite each other's.
  const flags = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`.trim();
  const variant = flags ? `-${createHash('sha1').update(flags).digest('hex').slice(0, 8)}` : '';
  const source = bytes.toString('utf8');
  const path = dir && join(dir, `${id}-${commandWord(argv)}${variant}.v8cache`);
  let cachedData;
  try {
    if (path) cachedData = readFileSync(path);
  } catch {
    // No cache yet.
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
    // An import() in the bundle (none today: esbuild inlines the CLI's own) resolves as in a module.
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, createRequire(file), mod, file, dirname(file));
  const save = !path || (cachedData && !script.cachedDataRejected) ? undefined : () => {
    const tmp = `${path}.${process.pid}.tmp`;
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      // Caches of other builds are stale: remove them.
      for (const f of readdirSync(dir)) if (!f.startsWith(id)) rmSync(join(dir, f), { force: true });
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, path);
    } catch {
      // A read-only or full disk, or no directory at all: the next run compiles again.
      try {
        rmSync(tmp, { force: true });
      } catch {
        // Nothing was written.
      }
    }
  };
  return { exports: mod.exports, save };
}

let main;
let save;
if (typeof module.enableCompileCache === 'function') {
  if (!disabled) module.enableCompileCache();
  ({ main } = createRequire(import.meta.url)(BUNDLE));
} else {
  const loaded = loadWithCodeCache(BUNDLE);
  ({ main } = loaded.exports);
  save = loaded.save;
}
process.exitCode = await main(argv);
save?.();
