// @vitest-environment jsdom
/**
 * `mlsysim eval … --output html`: one self-contained page on stdout (the renderer of
 * src/scenario/report-html.ts, run by the built CLI in Node), warnings and exit reasons on
 * stderr, the usual exit codes; commands without an HTML report refuse the format.
 * (jsdom only parses the page the CLI printed.)
 */
import { describe, expect, it, vi } from 'vitest';
import { cli, cliJson } from './helpers.js';

vi.setConfig({ testTimeout: 60_000 });

const parse = (page: string): Document => new DOMParser().parseFromString(page, 'text/html');
const lensStatuses = (d: Document) => Object.fromEntries([...d.querySelectorAll('article.lens')].map((a) => [a.getAttribute('data-lens'), a.getAttribute('data-status')]));

describe('eval --output html', () => {
  it.concurrent('eval Llama3_8B H100 --output html: the report page, its statuses those of --output json', async () => {
    const [r, json] = await Promise.all([cli(['eval', 'Llama3_8B', 'H100', '--output', 'html']), cliJson(['eval', 'Llama3_8B', 'H100', '-o', 'json'])]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.startsWith('<!doctype html>\n')).toBe(true);
    const d = parse(r.stdout);
    expect(d.querySelector('[data-scenario-name]')?.textContent).toBe('Llama3_8B on H100');
    // 16 GB of fp16 weights on an 80 GB device: feasible; no ops: Macro skipped (physics.md §11.4).
    expect(lensStatuses(d)).toEqual({ feasibility: 'PASS', performance: json.json.p_status, macro: 'SKIPPED' });
    expect(d.querySelectorAll('table.board tbody tr[data-wall]')).toHaveLength(22);
    expect(d.querySelector('#roofline svg [data-point]')).not.toBeNull();
    expect(d.querySelector('#binding h2')?.textContent).toMatch(/^Binding wall: 2 Memory/);
    expect(r.stdout).not.toMatch(/\b(?:src|href)\s*=/i);
    expect(r.stdout).not.toMatch(/<script/i);
    expect(d.querySelector('footer')?.textContent).toMatch(/mlsysim \d+\.\d+\.\d+/);
  });

  it.concurrent('an infeasible scenario: the page shows Feasibility FAIL, stderr says why, exit 2', async () => {
    // Llama3_70B: 70.6e9 params × 2 B = 141 GB of fp16 weights against the T4's 16 GB.
    const r = await cli(['--output', 'html', 'eval', 'Llama3_70B', 'T4']);
    expect(r.code).toBe(2);
    expect(lensStatuses(parse(r.stdout)).feasibility).toBe('FAIL');
    expect(r.stderr).toMatch(/^infeasible: 14\d\.\d GB \/ 16\.0 GB used/);
  });

  it.concurrent('bad input prints no page: the error on stderr, exit 1', async () => {
    const r = await cli(['eval', 'Llama3_8B', 'H100', '--set', 'scenario.efficiency=2', '--output', 'html']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: .*efficiency/);
  });

  it.concurrent('commands without an HTML report refuse --output html by name', async () => {
    for (const args of [['zoo'], ['serve', 'Llama3_8B', 'H100'], ['sweep', 'Llama3_8B', 'H100', '--axis', 'scenario.batch_size=1:4:2', '--metric', 'compute.latency']]) {
      const r = await cli([...args, '--output', 'html']);
      expect(r.code, args[0]).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`error: --output html: only eval prints an HTML report (not ${args[0]})\n`);
    }
  });
});
