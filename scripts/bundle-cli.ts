/**
 * Bundles the compiled CLI (dist/cli/main.js, from `tsc -p tsconfig.build.json`) with its
 * dependencies (commander, zod, yaml, @preact/signals-core) into one CommonJS file,
 * dist/bin/mlsysim.cjs, which bin/mlsysim.js runs. Part of `npm run build:lib` and of
 * `prepare`, so a clean clone works after `npm install`.
 *
 * Why one file (docs/performance.md #6):
 * - A cold start loading ≈ 340 ES modules one by one (165 of the CLI's own, 95 of zod, 72 of
 *   yaml) spent most of its time resolving, reading and compiling them.
 * - One script can be compiled once and its compiled code kept: bin/mlsysim.js gives it to
 *   V8's code cache (Node's compile cache on Node ≥ 22.1, vm.Script's cached data on Node 20).
 *   Compiling the bundle was about a third of a start.
 * - Commands still load lazily: each command's modules are imported with `import()` in
 *   src/cli/main.ts, which esbuild turns into a deferred initialisation, so `mlsysim zoo` does
 *   not run the optimisers' module code, and code that never runs is never compiled.
 * The catalogue JSON stays a separate file: V8 parses JSON much faster than the same data as a
 * JavaScript object literal.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** A sibling of dist/cli, so `../../package.json` (src/cli/version.ts) still finds package.json. */
const OUT_DIR = 'dist/bin';

/** dist/registry/catalog.js imports ./data/catalog.json; from dist/bin that is ../registry/data/catalog.json. */
const catalogStaysJson: Plugin = {
  name: 'catalog-stays-json',
  setup(b) {
    b.onResolve({ filter: /^\.\/data\/catalog\.json$/ }, (args) =>
      args.importer.replaceAll('\\', '/').endsWith('/dist/registry/catalog.js')
        ? { path: '../registry/data/catalog.json', external: true }
        : undefined);
  },
};

/**
 * zod's `z.locales` namespace re-exports the error messages of ≈ 50 languages (≈ 300 kB of the
 * bundle, ≈ 29 %), which only a `z.config(z.locales.xx())` call would use; the CLI never makes
 * one and writes its own messages. English, the default zod sets on its first schema, is kept
 * (zod imports it directly, not through this barrel).
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[/\\]zod[/\\]v4[/\\](classic|core)[/\\]/.test(args.importer)
        ? { path: fileURLToPath(new URL('../locales/en.js', `file://${args.importer.replaceAll('\\', '/')}`)), namespace: 'zod-locales' }
        : undefined);
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: ROOT,
    }));
  },
};

rmSync(new URL(`../${OUT_DIR}`, import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  entryPoints: { mlsysim: 'dist/cli/main.js' },
  outdir: OUT_DIR,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20.19',
  // Smaller text to parse; identifiers are kept, so class and function names stay readable.
  minifySyntax: true,
  minifyWhitespace: true,
  // src/cli/version.ts finds package.json from import.meta.url, which CommonJS has not.
  define: { 'import.meta.url': '__mlsysimUrl' },
  banner: { js: "const __mlsysimUrl = require('node:url').pathToFileURL(__filename).href;" },
  // The MCP SDK (only `mlsysim mcp` loads it) stays a package import: it is a dependency, installed
  // beside the bundle, and its own CommonJS dependencies (ajv …) need not be bundled.
  external: ['@modelcontextprotocol/sdk', '@modelcontextprotocol/sdk/*'],
  plugins: [catalogStaysJson, zodEnglishOnly],
  logLevel: 'warning',
});
