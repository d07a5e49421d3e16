/**
 * Every golden case that gives a command line (`inputs.argv`) run through the real CLI: the
 * flat keys, the cells (--all), the exit code and the wall board must match the expectation.
 */
import { describe, expect, it, vi } from 'vitest';
import { expectClose, goldenCases } from '../helpers/golden.js';
import { cli, scratch } from './helpers.js';

// Spawns run concurrently on few cores: allow time.
vi.setConfig({ testTimeout: 60_000 });

const CASES = goldenCases().filter((c) => Array.isArray(c.inputs.argv));

interface CellJson { value?: unknown; error?: string; kind?: string }

describe('golden cases with a command line', () => {
  it('there are some (including every wall "CLI" case with argv)', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(10);
  });

  for (const c of CASES) {
    it.concurrent(c.id, async () => {
      const dir = typeof c.inputs.plan_yaml === 'string' ? scratch({ 'plan.yaml': c.inputs.plan_yaml }) : undefined;
      const argv = (c.inputs.argv as string[]).map((a) => (a === '{plan}' ? 'plan.yaml' : a));
      const r = await (dir ? cli(argv, dir) : cli(argv));
      const out = JSON.parse(r.stdout) as Record<string, unknown>;
      const cells = (out.cells ?? {}) as Record<string, CellJson>;
      for (const [key, want] of Object.entries(c.expected)) {
        if (key === 'exit_code') expect(r.code, `${c.id} exit code (${r.stderr})`).toBe(want);
        else if (key in out) expectClose(out[key], want, c.tolerance_rel, `${c.id} ${key}`);
        else if (key in cells) {
          const cell = cells[key];
          if (cell.error !== undefined) expect(cell.kind, `${c.id} ${key}: ${cell.error}`).toBe(want);
          else if (want === null) expect(cell.value, `${c.id} ${key} (+∞ is null)`).toBeNull();
          else expectClose(cell.value, want, c.tolerance_rel, `${c.id} ${key}`);
        } else if (!key.includes('[') && !key.includes('=')) {
          throw new Error(`${c.id}: ${key} is neither a flat key nor a cell in the CLI output`);
        }
      }
      const board = c.expected_board as { wall_status?: Record<string, string>; binding_wall?: number } | undefined;
      if (board) {
        const walls = out.walls as { wall: number; status: string; binding: boolean }[];
        for (const [w, s] of Object.entries(board.wall_status ?? {})) expect(walls.find((x) => x.wall === Number(w))?.status, `${c.id} wall ${w}`).toBe(s);
        if (board.binding_wall !== undefined) expect(out.binding_wall, `${c.id} binding wall`).toBe(board.binding_wall);
      }
    });
  }
});
