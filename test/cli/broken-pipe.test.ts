/**
 * `mlsysim sweep --help | head -3`: when the reader of stdout (or stderr) goes away, the CLI
 * ends quietly with its normal exit code — no "Unhandled 'error' event … EPIPE" stack trace.
 * Each test spawns the built CLI with piped streams and closes the parent's read side early.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLE, noStack, ROOT } from './helpers.js';

interface Ended {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** What was read before the close (stdout or stderr, whichever was not closed). */
  readonly other: string;
  /** Bytes of the closed stream read before it was closed. */
  readonly readBefore: number;
}

/**
 * Runs the CLI and destroys the read side of `close` — at once, or after its first chunk
 * (`afterFirstChunk`, for an output larger than the pipe buffer, so the CLI is mid-write).
 */
function runClosing(args: readonly string[], close: 'stdout' | 'stderr', afterFirstChunk: boolean): Promise<Ended> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
    const closing = child[close];
    const kept = close === 'stdout' ? child.stderr : child.stdout;
    let other = '';
    let readBefore = 0;
    kept.setEncoding('utf8').on('data', (d: string) => { other += d; });
    if (afterFirstChunk) {
      closing.once('data', (d: Buffer) => {
        readBefore = d.length;
        closing.destroy();
      });
    } else {
      closing.destroy();
    }
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, other, readBefore }));
  });
}

describe('a closed pipe ends the CLI quietly', () => {
  it('sweep --help with stdout closed before anything is written: exit 0, nothing on stderr', async () => {
    const r = await runClosing(['sweep', '--help'], 'stdout', false);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(r.other).toBe('');
  });

  it('a 100,000-row CSV sweep (≈ 2.8 MB) with stdout closed after its first chunk: exit 0, no stack trace', async () => {
    const args = ['sweep', 'Llama3_8B', 'H100', '--axis', 'scenario.batch_size=1:1000:1000', '--axis', 'scenario.context_len=1024:8192:100',
      '--metric', 'compute.latency', '--output', 'csv'];
    const r = await runClosing(args, 'stdout', true);
    expect(r.readBefore).toBeGreaterThan(0);
    expect(r.code).toBe(0);
    expect(r.other).not.toMatch(/EPIPE/);
    expect(noStack(r.other)).toBe(true);
  });

  it('a plan whose assert fails, with stderr (its warning and assert lines) closed: exit 3 as usual, the result on stdout', async () => {
    const r = await runClosing(['eval', EXAMPLE], 'stderr', false);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(3);
    expect(r.other).toMatch(/performance/i);
  });
});
