/**
 * The package a user installs: `npm pack` → install the tarball into an empty project → use it
 * from plain Node (ESM import of the public API, and the `mlsysim` command) and type-check a
 * consumer file against the shipped declarations. Needs the compiled dist/ (`npm test` builds
 * it first) and the npm cache that `npm ci` filled (the install is `--prefer-offline`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';
let project = '';

function run(cmd: string, args: readonly string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 180_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build:lib` (npm test does) first');
  const packDir = mkdtempSync(join(tmpdir(), 'mlsysim-pack-'));
  // --ignore-scripts: dist/ is already built; `prepare` would only build it again.
  execFileSync(NPM, ['pack', '--ignore-scripts', '--pack-destination', packDir], { cwd: ROOT, stdio: 'pipe' });
  const tarball = join(packDir, readdirSync(packDir).find((f) => f.endsWith('.tgz'))!);
  project = mkdtempSync(join(tmpdir(), 'mlsysim-consumer-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const install = run(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], project);
  if (install.code !== 0) throw new Error(`npm install of the packed tarball failed:\n${install.stderr}`);
}, 240_000);

describe('the packed package, installed into an empty project', () => {
  it('imports the public API from the package root in plain Node and evaluates the seed example', () => {
    writeFileSync(join(project, 'use.mjs'), `
import { evaluate, buildScenario, registry, Models, Hardware, SystemEvaluator, scorecard, wallBoard, sweep, LiveGraph } from 'mlsysim';
const names = { evaluate, buildScenario, registry, SystemEvaluator, scorecard, wallBoard, sweep, LiveGraph };
for (const [k, v] of Object.entries(names)) if (v === undefined) throw new Error(k + ' is not exported');
const r = SystemEvaluator.evaluate({ name: 'Llama-3 8B on H100', model: Models.Language.Llama3_8B, hardware: Hardware.Cloud.H100, batchSize: 32, precision: 'fp16', efficiency: 0.45 });
console.log(JSON.stringify({ title: r.scorecard().split('\\n')[1], batch: r.value('scenario.batch_size'), eta: r.value('scenario.efficiency'), exit: r.exitCode, weights: r.value('workload.weight_bytes') }));
`);
    const r = run(process.execPath, ['use.mjs'], project);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out.title).toContain('Llama-3 8B on H100 (inference)');
    expect(out.batch).toBe(32);
    expect(out.eta).toBe(0.45);
    expect(out.exit).toBe(0);
    // Llama-3-8B: 8.03e9 parameters × 2 bytes (fp16), physics.md §2.5 and the catalogue.
    expect(out.weights).toBeCloseTo(8.03e9 * 2, -8);
  });

  it('does not expose engine internals from the root', () => {
    const r = run(process.execPath, ['--input-type=module', '-e', "import * as m from 'mlsysim'; console.log(JSON.stringify(Object.keys(m)))"], project);
    const keys = JSON.parse(r.stdout) as string[];
    for (const internal of ['evaluateDerived', 'compileCone', 'generateCone', 'buildScenarioDefs', 'runCompute', 'Topology']) {
      expect(keys).not.toContain(internal);
    }
  });

  it('type-checks a TypeScript consumer against the shipped declarations', () => {
    writeFileSync(join(project, 'consumer.ts'), `
import { Hardware, Models, SystemEvaluator, type Evaluation, type SystemSpec } from 'mlsysim';
const spec: SystemSpec = { model: Models.Language.Llama3_8B, hardware: Hardware.Cloud.H100, batchSize: 32 };
const e: Evaluation = SystemEvaluator.evaluate(spec).evaluation;
const code: 0 | 1 | 2 | 3 = e.exit_code;
export { code };
`);
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true, skipLibCheck: true, types: [] },
      files: ['consumer.ts'],
    }));
    const tsc = run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], project);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.code).toBe(0);
  }, 120_000);

  it('npx --no-install mlsysim eval Llama3_8B H100 runs the installed bin (npm linked it into node_modules/.bin)', () => {
    const r = run(NPX, ['--no-install', 'mlsysim', 'eval', 'Llama3_8B', 'H100'], project);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('MLSys·im scorecard — Llama3_8B on H100 (inference)');
    // 80 GB: the H100 SXM's HBM3 capacity (NVIDIA H100 datasheet).
    expect(r.stdout).toMatch(/Memory Feasibility\s+PASS\s+16\.3 GB \/ 80\.0 GB used/);
  }, 60_000);

  it('the installed mlsysim mcp answers an MCP client (its SDK dependency was installed with it)', () => {
    const messages = [
      { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'consumer', version: '0' } } },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'eval', arguments: { model: 'Llama3_8B', hardware: 'H100' } } },
    ];
    const r = spawnSync(process.execPath, [join(project, 'node_modules/mlsysim/bin/mlsysim.js'), 'mcp'], {
      cwd: project, encoding: 'utf8', timeout: 60_000, input: messages.map((m) => `${JSON.stringify(m)}\n`).join(''),
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const replies = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: number; result: { isError?: boolean; structuredContent?: Record<string, unknown> } });
    expect(replies.map((m) => m.id)).toEqual([1, 2]);
    expect(replies[1].result.isError).toBe(false);
    expect(replies[1].result.structuredContent?.f_status).toBe('PASS');
  }, 60_000);

  it('runs the mlsysim command from the installed package (npx mlsysim)', () => {
    const r = run(process.execPath, [join(project, 'node_modules/mlsysim/bin/mlsysim.js'), '--output', 'json', 'eval', 'Llama3_8B', 'H100'], project);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(j.f_status).toBe('PASS');
    expect(j.scenario).toBe('Llama3_8B on H100');
  });
});
