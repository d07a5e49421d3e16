/**
 * Writes docs/formulas.md: every cell of the three scenario modes (Llama3_8B on H100 for
 * inference and serving, Llama3_70B on DGX_H100 for serving split over 8 devices, Llama3_70B
 * on Training_1K for training), grouped by wall, with its
 * unit, display formula, doc and source. Run with `npm run docs`.
 */
import { writeFileSync } from 'node:fs';
import type { CellDef } from '../src/graph/index.js';
import { buildScenario, WALLS } from '../src/scenario/index.js';

const scenarios = [
  { model: 'Llama3_8B', hardware: 'H100', mode: 'inference' },
  { model: 'Llama3_8B', hardware: 'H100', mode: 'serving' },
  // A model split over a node's devices: wall 14's layout and decode-step cells outside training.
  { model: 'Llama3_70B', hardware: 'H100', system: 'DGX_H100', mode: 'serving' },
  { model: 'Llama3_70B', hardware: 'H100', system: 'Training_1K', mode: 'training', ops: { duration_days: 14 } },
] as const;

const seen = new Map<string, { def: CellDef; modes: string[] }>();
for (const s of scenarios) {
  for (const def of buildScenario(s).defs) {
    const hit = seen.get(def.id);
    if (hit) { if (!hit.modes.includes(s.mode)) hit.modes.push(s.mode); }
    else seen.set(def.id, { def, modes: [s.mode] });
  }
}

const esc = (t: string) => t.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const groupName = (d: CellDef) => (d.wall ? `Wall ${d.wall}: ${WALLS[d.wall - 1].name}` : `Layer ${d.layer}: ${d.id.split('.')[0]}`);
const groups = new Map<string, { def: CellDef; modes: string[] }[]>();
for (const e of seen.values()) {
  const g = groupName(e.def);
  if (!groups.has(g)) groups.set(g, []);
  groups.get(g)!.push(e);
}
const order = [...groups.keys()].sort((a, b) => {
  const wa = a.startsWith('Wall') ? Number(a.split(/[ :]/)[1]) : 0;
  const wb = b.startsWith('Wall') ? Number(b.split(/[ :]/)[1]) : 0;
  return wa - wb || a.localeCompare(b);
});

const out = [
  '# Formulas reference',
  '',
  'Generated from the cell definitions by `npm run docs` — do not edit by hand. Every cell of',
  'the three scenario modes; values are stored in SI units (scorecard metric cells excepted).',
  '',
];
for (const g of order) {
  out.push(`## ${g}`, '', '| cell | unit | formula | meaning | source | modes |', '|---|---|---|---|---|---|');
  for (const { def, modes } of groups.get(g)!) {
    const formula = def.kind === 'derived' ? def.formula : `input (default ${JSON.stringify(def.default)})`;
    const src = def.source ? esc(def.source.ref) : '';
    out.push(`| \`${def.id}\` | ${def.unit} | ${esc(formula)} | ${esc(def.doc)} | ${src} | ${modes.join(', ')} |`);
  }
  out.push('');
}
writeFileSync(new URL('../docs/formulas.md', import.meta.url), out.join('\n'));
console.log(`docs/formulas.md: ${seen.size} cells in ${groups.size} groups`);
