/**
 * The CLI's seek within feasibility and its scenario questions (spawning the built CLI), and
 * the serving table's label for the decode batch's throughput.
 */
import { describe, expect, it, vi } from 'vitest';
import { cli, cliJson } from './helpers.js';

// Each spawns the CLI, and the scenario questions rebuild the scenario at every point they try.
vi.setConfig({ testTimeout: 120_000 });

describe('mlsysim seek', () => {
  it.concurrent('the largest batch meeting ITL ≤ 50 ms fits on the card, and the output says memory is what binds', async () => {
    const r = await cliJson(['seek', 'Llama3_8B', 'H100', '--mode', 'serving', '--target', 'serving.itl=50ms', '--vary', 'scenario.batch_size=1:1000', '--goal', 'at_most', '-o', 'json']);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ status: 'ok', limited_by: 'feasibility' });
    const batch = r.json.solution as number;
    const at = await cliJson(['serve', 'Llama3_8B', 'H100', '--batch-size', String(batch), '-o', 'json']);
    expect(at.code).toBe(0); // fits
    const past = await cli(['serve', 'Llama3_8B', 'H100', '--batch-size', String(batch + 1)]);
    expect(past.code).toBe(2); // the next batch does not
    const text = await cli(['seek', 'Llama3_8B', 'H100', '--mode', 'serving', '--target', 'serving.itl=50ms', '--vary', 'scenario.batch_size=1:1000', '--goal', 'at_most']);
    expect(text.stderr).toMatch(/does not fit in memory: the answer is the edge of what fits/);
  });

  it.concurrent('nothing fits anywhere in the range: exit 2, status infeasible', async () => {
    const r = await cliJson(['seek', 'Llama3_405B', 'H100', '--target', 'compute.latency=10ms', '--vary', 'scenario.batch_size=1:64', '--goal', 'at_most', '-o', 'json']);
    expect(r.code).toBe(2);
    expect(r.json.status).toBe('infeasible');
  });

  it.concurrent('--vary context: the longest context that fits (Llama3_8B on H100: 487 822 tokens)', async () => {
    const [text, json] = await Promise.all([
      cli(['seek', 'Llama3_8B', 'H100', '--vary', 'context']),
      cliJson(['seek', 'Llama3_8B', 'H100', '--vary', 'context', '-o', 'json']),
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^context: 487822 tokens$/m);
    expect(text.stdout).toMatch(/^at 487823 tokens: does not fit/m);
    expect(text.stderr).toMatch(/supports 131072 tokens of context/);
    expect(json.json).toMatchObject({ question: 'context', status: 'ok', solution: 487822 });
  });

  it.concurrent('--vary devices: the fewest devices (training Llama3_8B with ZeRO-3 needs 2 H100)', async () => {
    const r = await cliJson(['seek', 'Llama3_8B', 'H100', '--mode', 'training', '--set', 'communication.zero_stage=3', '--vary', 'devices', '-o', 'json']);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ question: 'devices', status: 'ok', solution: 2 });
  });

  it.concurrent('--vary devices with --target needs --goal at_most or at_least; a bad range is refused (exit 1)', async () => {
    const [goal, range] = await Promise.all([
      cli(['seek', 'Llama3_8B', 'H100', '--vary', 'devices', '--target', 'compute.latency=1ms']),
      cli(['seek', 'Llama3_8B', 'H100', '--vary', 'context=10:1']),
    ]);
    expect(goal.code).toBe(1);
    expect(goal.stderr).toMatch(/needs --goal at_most or at_least/);
    expect(range.code).toBe(1);
    expect(range.stderr).toMatch(/--vary context=LO:HI takes whole numbers/);
  });
});

describe('mlsysim serve', () => {
  it.concurrent('labels B/itl as the decode batch’s throughput, not one request’s', async () => {
    const r = await cli(['serve', 'Llama3_8B', 'H100', '--batch-size', '8']);
    expect(r.stdout).toContain('tokens/s (decode batch of B)');
    expect(r.stdout).not.toContain('(one request)');
  });
});
