/**
 * Lazy command loading (src/cli/main.ts): only the command named on the command line is
 * imported; with none of ours named, all are registered, so the help lists every command and a
 * typo still gets "did you mean".
 */
import { describe, expect, it } from 'vitest';
import { scanCommand } from '../../src/cli/main.js';
import { cli } from './helpers.js';

describe('scanCommand(argv) names the command to load', () => {
  it.each([
    [['eval', 'Llama3_8B', 'H100'], 'eval'],
    [['-o', 'json', 'zoo', 'hardware'], 'zoo'],
    [['--output', 'csv', 'sweep', 'x'], 'sweep'],
    [['--output=json', 'schema'], 'schema'],
    [['-ojson', 'explain', 'a', 'b'], 'explain'],
    [['optimize', '--help'], 'optimize'],
  ])('%j → %s', (argv, name) => {
    expect(scanCommand(argv)).toBe(name);
  });

  it.each([[[]], [['--help']], [['-V']], [['help', 'eval']], [['evl', 'x']], [['--', 'eval']], [['constructor']]])(
    '%j → none (register every command)', (argv) => {
      expect(scanCommand(argv)).toBeUndefined();
    });
});

describe('the built CLI with lazy commands', () => {
  it('mlsysim --help lists all twelve commands', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    const listed = [...r.stdout.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]);
    expect(listed).toEqual(['zoo', 'eval', 'serve', 'optimize', 'sweep', 'explain', 'sensitivity', 'seek', 'schema', 'validate', 'calibrate', 'mcp', 'help']);
  });

  it('mlsysim help sweep prints the sweep help', async () => {
    const r = await cli(['help', 'sweep']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: mlsysim sweep /);
  });

  it('a typo of a command gets a suggestion on one line', async () => {
    const r = await cli(['evl', 'Llama3_8B', 'H100']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe("error: unknown command 'evl'; (Did you mean eval?)");
  });
});
