/**
 * docs/contributing.md's recipes, followed literally in a temporary copy of the repository:
 * add a device (catalogue entry + `npm run ids`) and a wall (a cell file, WALL_FACTORIES, WALLS),
 * then evaluate a scenario in the copy and check both are there with hand-computed values.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
let copy = '';

function run(cmd: string, args: readonly string[]) {
  const r = spawnSync(cmd, args, { cwd: copy, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Replaces `anchor` in a file of the copy by `text` (the recipe's "add … to …"). */
function edit(path: string, anchor: string, text: string): void {
  const file = join(copy, path);
  const before = readFileSync(file, 'utf8');
  if (!before.includes(anchor)) throw new Error(`${path} no longer contains ${JSON.stringify(anchor)}: update docs/contributing.md and this test`);
  writeFileSync(file, before.replace(anchor, text));
}

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'mlsysim-recipe-'));
  for (const f of ['src', 'scripts', 'package.json', 'tsconfig.json', 'tsconfig.base.json']) cpSync(join(ROOT, f), join(copy, f), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');

  // Recipe 1, step 1: a catalogue entry in the catalogue's spelling (copied from L4, as the recipe says).
  const catalogPath = join(copy, 'src/registry/data/catalog.json');
  const catalog = JSON.parse(readFileSync(catalogPath, 'utf8')) as { hardware: Record<string, unknown>[] };
  const l4 = catalog.hardware.find((h) => h.id === 'L4')!;
  catalog.hardware.push({
    ...l4, id: 'Recipe_GPU', display_name: 'Recipe GPU', vendor: 'Example',
    peak_tflops: { fp32: 50, tf32: 100, fp16: 200, bf16: 200, fp8: null, fp4: null, int8: null, int4: null },
    peak_tflops_sparse: { fp32: null, tf32: null, fp16: null, bf16: null, fp8: null, fp4: null, int8: null, int4: null },
    memory_capacity_gb: 48, memory_bandwidth_gbs: 1000, tdp_w: 400, legacy_aliases: [],
    source: { kind: 'estimate', ref: 'docs/contributing.md recipe test', url: null }, notes: [], corrections: [],
  });
  writeFileSync(catalogPath, JSON.stringify(catalog, null, 2));
  // Recipe 1, step 2.
  const ids = run('npm', ['run', 'ids']);
  if (ids.code !== 0) throw new Error(`npm run ids failed in the copy:\n${ids.out}`);

  // Recipe 4, step 1: the wall's cells.
  writeFileSync(join(copy, 'src/nodes/operations/heat.ts'), `
import { type CellDef, derived, input, number, optNumber } from '../../graph/index.js';
import { required } from '../common/plain.js';
import { spec } from '../common/catalogue-input.js';
import { alwaysActive, statusCells, verdict } from '../common/status.js';
import type { BuildContext } from '../context.js';

export function heatCells(ctx: BuildContext): CellDef[] {
  return [
    input({ id: 'heat.cooling_capacity', label: 'Cooling per device', doc: 'Heat the cooling removes per device.', unit: 'W', layer: 'C', wall: 23,
      default: 1000, domain: { kind: 'number', min: 0, minExclusive: true }, source: spec('recipe') }),
    derived({ id: 'heat.thermal_margin', label: 'Thermal margin', doc: 'Cooling over device power.', unit: '1', layer: 'E', wall: 23,
      formula: 'cooling_capacity / tdp', inputs: { cooling: number('heat.cooling_capacity'), tdp: optNumber('hardware.tdp') },
      compute: ({ cooling, tdp }) => {
        const watts = required(tdp, ctx.device.id, 'tdp', 'the thermal margin');
        return typeof watts === 'number' ? cooling / watts : watts;
      } }),
    alwaysActive('heat', 23),
    ...statusCells({ scope: 'heat', wall: 23, formula: 'FAIL if margin < 1', inputs: { margin: number('heat.thermal_margin') },
      judge: ({ margin }) => verdict(margin < 1 ? ['the cooling cannot remove the device power'] : [], []) }),
  ];
}
`);
  // Recipe 4, steps 2 and 3.
  edit('src/nodes/all-walls.ts', "import { safetyCells } from './operations/safety.js';", "import { safetyCells } from './operations/safety.js';\nimport { heatCells } from './operations/heat.js';");
  edit('src/nodes/all-walls.ts', '  synthesisCells, // wall 22.1 inverse roofline (§10)\n', '  synthesisCells, // wall 22.1 inverse roofline (§10)\n  heatCells, // wall 23 (recipe)\n');
  edit('src/scenario/walls.ts', "  w(22, 'Synthesis',", "  w(23, 'Heat', 'heat', 'heat.thermal_margin', 'fraction', 1, 'feasibility'),\n  w(22, 'Synthesis',");
}, 180_000);

describe('docs/contributing.md recipes, followed in a copy of the repository', () => {
  it('a new device is in the generated ids and evaluates; a new wall is on the board with its value and status', () => {
    expect(readFileSync(join(copy, 'src/registry/ids.ts'), 'utf8')).toContain("'Recipe_GPU'");
    writeFileSync(join(copy, 'check.ts'), `
import { evaluate } from './src/scenario/index.js';
import { Hardware } from './src/registry/index.js';
const e = evaluate({ model: 'Llama3_8B', hardware: 'Recipe_GPU' });
const heat = e.walls.find((w) => w.wall === 23);
console.log(JSON.stringify({ exit: e.exit_code, display: Hardware.Cloud.Recipe_GPU.display_name, heat: heat && { status: heat.status, value: heat.headline?.value },
  fail: evaluate({ model: 'Llama3_8B', hardware: 'Recipe_GPU', overrides: { 'heat.cooling_capacity': 200 } }).walls.find((w) => w.wall === 23)?.status }));
`);
    const r = run(process.execPath, ['--import', 'tsx', 'check.ts']);
    expect(r.code, r.out).toBe(0);
    const got = JSON.parse(r.out.trim().split('\n').pop()!) as { exit: number; display: string; heat: { status: string; value: number }; fail: string };
    expect(got.exit).toBe(0);
    expect(got.display).toBe('Recipe GPU');
    // 1000 W of cooling over a 400 W device.
    expect(got.heat.status).toBe('PASS');
    expect(got.heat.value).toBeCloseTo(2.5, 12);
    // 200 W < 400 W.
    expect(got.fail).toBe('FAIL');
  });
});
