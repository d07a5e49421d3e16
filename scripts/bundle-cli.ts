/**
 * Bundles the compiled CLI (dist/cli/main.js, from `tsc -p tsconfig.build.json`) with its
 * dependencies (commander, zod, yaml, @preact/signals-core) into dist/bin/, which
 * bin/mlsysim.js runs. Part of `npm run build:lib` and of `prepare`, so a clean clone works
 * after `npm install`.
 *
 * Why: a cold start loading ≈ 340 ES modules one by one (165 of the CLI's own, 95 of zod, 72 of
 * yaml) spent most of its time resolving, reading and compiling them (docs/performance.md #6).
 * One file per command (code splitting, so `mlsysim zoo` does not compile the optimisers)
 * removes that cost. The catalogue JSON stays a separate file: V8 parses JSON much faster than
 * the same data as a JavaScript object literal.
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

rmSync(new URL(`../${OUT_DIR}`, import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  entryPoints: { mlsysim: 'dist/cli/main.js' },
  outdir: OUT_DIR,
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // Smaller text to parse; identifiers are kept, so class and function names stay readable.
  minifySyntax: true,
  minifyWhitespace: true,
  // commander is CommonJS: its require('node:events') … needs a require in an ES module.
  banner: { js: "import { createRequire as __mlsysimRequire } from 'node:module'; const require = __mlsysimRequire(import.meta.url);" },
  // The MCP SDK (only `mlsysim mcp` loads it) stays a package import: it is a dependency, installed
  // beside the bundle, and its own CommonJS dependencies (ajv …) need not be bundled.
  external: ['@modelcontextprotocol/sdk', '@modelcontextprotocol/sdk/*'],
  plugins: [catalogStaysJson],
  logLevel: 'warning',
});
