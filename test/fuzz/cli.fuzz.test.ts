/**
 * CLI fuzz (spawns the built CLI, so `npm run build:lib` first): malformed flags and plan
 * documents always exit 1 with a one-line message on stderr and no stack trace.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cli, scratch } from '../cli/helpers.js';

const badNumber = fc.constantFrom('0', '-1', 'NaN', 'abc', '1.5', '1e400', '', '-Infinity', '0x', '--');
const badPlan = fc.oneof(
  fc.constantFrom('{', 'version: [', 'workload: 3', 'version: "1.0"\nworkload: {name: Nope}\nhardware: {name: H100}', ': : :', '- a\n- b', 'hardware: {name: H100, node_count: -3}\nworkload: {name: Llama3_8B}', '\u0000\u0001'),
  fc.string({ minLength: 1, maxLength: 40 }).map((s) => `workload: {name: ${JSON.stringify(s)}}\nhardware: {name: H100}`),
);
const argv: fc.Arbitrary<{ args: string[]; files?: Record<string, string> }> = fc.oneof(
  badNumber.map((n) => ({ args: ['eval', 'Llama3_8B', 'H100', '--batch-size', n] })),
  fc.constantFrom('NoSuchModel', 'h100x', '', 'Llama3_8B H100').map((m) => ({ args: ['eval', m, 'H100'] })),
  fc.constantFrom('nope=1', 'scenario.batch_size', 'scenario.batch_size=abc', 'compute.latency=abc', '=', 'scenario.batch_size=-1').map((s) => ({ args: ['eval', 'Llama3_8B', 'H100', '--set', s] })),
  fc.constantFrom('--no-such-flag', '-Z', '--output=xml').map((f) => ({ args: ['eval', 'Llama3_8B', 'H100', f] })),
  badPlan.map((text) => ({ args: ['eval', 'plan.yaml'], files: { 'plan.yaml': text } })),
  fc.constantFrom('missing.yaml', 'dir/', '').map((p) => ({ args: ['eval', p] })),
);

describe('CLI fuzz: malformed flags and plans', () => {
  const cases = fc.sample(argv, { numRuns: 30, seed: 20261126 });
  it.each(cases.map((c, i) => [i, c.args.join(' ').slice(0, 60), c] as const))('#%i mlsysim %s → exit 1, one line, no stack', async (_i, _label, c) => {
    const cwd = c.files ? scratch(c.files) : undefined;
    const r = await cli(c.args, cwd);
    expect(r.code, r.stderr).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines.length, r.stderr).toBe(1);
    expect(lines[0].length).toBeGreaterThan(0);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr).not.toMatch(/Error: .*\n\s+at|node:internal/);
  }, 30_000);
});
