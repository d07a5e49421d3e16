/** Spawning the real CLI (`node bin/mlsysim.js …`, the compiled dist/) as a user would. */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/mlsysim.js');
export const PLANS = join(ROOT, 'examples');
export const EXAMPLE = join(PLANS, 'example_cluster.yaml');

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in a child process (asynchronously, so `it.concurrent` tests overlap), with a timeout. */
export function cli(args: readonly string[], cwd = ROOT): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, timeout: 30_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** stdout parsed as JSON (the `| jq` of a shell pipeline). */
export async function cliJson(args: readonly string[], cwd = ROOT): Promise<Run & { json: Record<string, unknown> }> {
  const r = await cli(args, cwd);
  return { ...r, json: JSON.parse(r.stdout) as Record<string, unknown> };
}

/** A scratch directory holding the given files. */
export function scratch(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlsysim-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** No stack trace: no "    at foo (file:…)" frames and no "Error:" dumps. */
export function noStack(text: string): boolean {
  return !/^\s+at .+\(?.*:\d+:\d+\)?$/m.test(text) && !/node:internal|TypeError|ReferenceError/.test(text);
}
