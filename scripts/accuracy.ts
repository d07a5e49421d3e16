/**
 * Writes docs/accuracy.md from the validation set (src/registry/data/validation.json): every
 * case run through the engine (the same `runValidation` as `mlsysim validate`), the medians per
 * category and per split, and where each category's error comes from. Run by
 * `npm run accuracy`; `--check` exits 1 instead of writing when the file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { formatNumber } from '../src/graph/index.js';
import {
  VALIDATION_CATEGORIES, VALIDATION_QUANTITIES, type ValidationCategory, type ValidationQuantity, validationCases, validationSet,
} from '../src/registry/index.js';
import { type CaseResult, type GroupSummary, medianAbsError, QUANTITY_READERS, runValidation } from '../src/scenario/index.js';

const OUT = new URL('../docs/accuracy.md', import.meta.url);

const pct = (x: number | undefined, signed = false): string => {
  if (x === undefined) return '—';
  const p = `${(Math.abs(x) * 100).toFixed(1)} %`;
  return signed ? (x > 0 ? `+${p}` : x < 0 ? `−${p}` : p) : p;
};
const esc = (s: string) => s.replace(/\|/g, '\\|');
const val = (v: number | undefined, unit: string) => (v === undefined ? 'not evaluated' : `${formatNumber(v, 4)} ${unit === 'fraction' ? '' : unit}`.trim());

/**
 * Where each category's error comes from, in terms of the formulas that produce the prediction
 * (physics.md sections; docs/physics-notes.md). They describe the engine as of this table:
 * update them when the defaults they name change.
 */
const CAUSES: Readonly<Record<Exclude<ValidationCategory, 'identity'>, string>> = {
  training:
    'A compute-bound step takes T_c = F_hw/(peak·η) with one flat η = 0.5 (physics §1.5, §8.4), so a run\'s MFU cannot exceed ' +
    '0.5 × model/hardware FLOPs: the Megatron-LM runs measured at 51–56 % MFU come out low, more so as the model grows. ' +
    'At 8K–16K GPUs (Llama 3, PP 16, one virtual stage since the source gives no interleaving depth) the pipeline bubble ' +
    'f_b = (p − 1)/(v·m + p − 1) is 15/47 = 32 % at m = 32 micro-batches and 15/31 = 48 % at m = 16 (§8.5), time the real ' +
    'schedule hides. DeepSeek-V3\'s layout is not in the passage read and the layout search enumerates t and p only (§11.4), ' +
    'not expert parallelism, so communication binds its step.',
  inference:
    'Decode reads weights and KV cache at the full HBM bandwidth (η_bw = 1.0, §1.5), so memory-bound static batches with long ' +
    'outputs come out too fast. A 128-token prefill is charged only dispatch_tax + L·layer_tax = 10 µs + 32 × 10 µs of ' +
    'overhead (§1.5, §3.1), far below a serving engine\'s per-request cost, so short-prompt TTFT comes out low; long prompts are ' +
    'compute-bound at η = 0.5. The two tensor-parallel cases split the model over the TP ' +
    'group with two ring all-reduces per layer on NVLink (§3.2; docs/physics-notes.md).',
  energy:
    'IT energy is E_IT = (N·P_dev + N_n·host_power)·t with P_dev = TDP·(0.3 + 0.7·MFU) (wall 1 cell 5, wall 18) and host_power ' +
    '0 by default (§1.6): a run at MFU ≈ 0.45 is billed ≈ 0.6 × TDP, while the published figure is TDP × GPU-hours.',
  carbon:
    'The same power model, then × PUE (1.12 for the catalogue grids) × the grid\'s intensity (wall 18). Meta\'s cards charge ' +
    'TDP × GPU-hours adjusted for PUE at a location-based intensity they do not state; their figures imply ≈ 0.41–0.42 kg CO2e ' +
    'per TDP-kWh (8,930 t / (30.84M h × 0.7 kW); 31.22 t / (184,320 h × 0.4 kW)) against the catalogue US average of 0.366. ' +
    'Runs whose global batch is not published keep the engine default, so their MFU, and hence power, is that of one sequence ' +
    'per data-parallel rank.',
  reliability:
    'The node failure rate is λ = Σ count/MTTF (wall 15, §1.5): 8/50,000 h (GPUs) + 8/150,000 h (NICs) + 6/100,000 h (PSUs) ' +
    '= 2.73·10⁻⁴ per hour for a DGX H100 node; × 2,048 nodes × 54 days gives 725 expected failures against 419 observed. ' +
    'The six PSUs are counted in series although they are redundant (22 % of the rate), and software, network and ' +
    'host-maintenance causes (about a third of Meta\'s 419) have no term of their own.',
  cost:
    'TCO is ownership: capex·t/Y + maintenance + energy (wall 17), with the device unit cost amortised over 3 years and the ' +
    'node\'s price unused. Published training costs are rental (GPU-hours × $/GPU-hour), which the engine does not price yet.',
};

function direction(results: readonly CaseResult[]): string {
  const errs = results.flatMap((r) => (r.error === undefined ? [] : [r.error])).sort((a, b) => a - b);
  if (!errs.length) return 'No case was evaluated.';
  const mid = errs.length >> 1;
  const median = errs.length % 2 ? errs[mid] : (errs[mid - 1] + errs[mid]) / 2;
  const low = errs.filter((e) => e < 0).length;
  const lean = low === errs.length ? 'every prediction is low' : low === 0 ? 'every prediction is high'
    : `${low} of ${errs.length} predictions are low`;
  return `Median signed error ${pct(median, true)}; ${lean}.`;
}

function summaryTable(results: readonly CaseResult[], g: (rs: readonly CaseResult[]) => GroupSummary): string {
  const rows = [...VALIDATION_CATEGORIES.filter((c) => c !== 'identity'), 'overall'].map((cat) => {
    const inCat = cat === 'overall' ? results.filter((r) => r.category !== 'identity') : results.filter((r) => r.category === cat);
    const all = g(inCat);
    const tune = g(inCat.filter((r) => r.split === 'tune'));
    const holdout = g(inCat.filter((r) => r.split === 'holdout'));
    const name = cat === 'overall' ? '**overall (non-identity)**' : cat;
    return `| ${name} | ${all.n} | ${all.evaluated} | ${pct(all.median_abs_error)} | ${pct(tune.median_abs_error)} (${tune.evaluated}) | ${pct(holdout.median_abs_error)} (${holdout.evaluated}) |`;
  });
  return ['| category | cases | evaluated | median \\|error\\| | tune (n) | holdout (n) |', '|---|---:|---:|---:|---:|---:|', ...rows].join('\n');
}

function caseTable(results: readonly CaseResult[]): string {
  const rows = results.map((r) => `| ${esc(r.title)} (\`${r.id}\`${r.split ? `, ${r.split}` : ''}) | [${esc(r.source.title)}](${r.source.url}) — ${esc(r.locator)} | ` +
    `${val(r.measured, r.unit)} | ${val(r.predicted, r.unit)} | ${pct(r.error, true)} | ${r.status === 'ok' ? r.bottleneck : '—'} |`);
  return ['| case | source | measured | predicted | error | bottleneck |', '|---|---|---:|---:|---:|---|', ...rows].join('\n');
}

/** Which cells each measured quantity is read from, and the conversion (src/scenario/validate.ts). */
function readingsTable(): string {
  const rows = (Object.keys(VALIDATION_QUANTITIES) as ValidationQuantity[]).map((q) =>
    `| ${q} | ${VALIDATION_QUANTITIES[q]} | ${QUANTITY_READERS[q].cells.map((c) => `\`${c}\``).join(', ')} | ${esc(QUANTITY_READERS[q].formula)} |`);
  return ['| quantity | unit | cells read | conversion |', '|---|---|---|---|', ...rows].join('\n');
}

export function accuracyMarkdown(): string {
  const report = runValidation(validationCases());
  const { results, summary } = report;
  const measured = results.filter((r) => r.category !== 'identity');
  const identity = results.filter((r) => r.category === 'identity');
  const missing = results.filter((r) => r.status !== 'ok');
  const group = (rs: readonly CaseResult[]): GroupSummary => {
    const m = medianAbsError(rs);
    return { n: rs.length, evaluated: rs.filter((r) => r.status === 'ok').length, ...(m !== undefined ? { median_abs_error: m } : {}) };
  };
  const causes = VALIDATION_CATEGORIES.filter((c): c is Exclude<ValidationCategory, 'identity'> => c !== 'identity').map((cat) =>
    `* **${cat}** — ${direction(measured.filter((r) => r.category === cat))} ${CAUSES[cat]}`);
  return `# Accuracy: predictions against published measurements

<!-- Generated by scripts/accuracy.ts (npm run accuracy) from src/registry/data/validation.json. Do not edit by hand. -->

The engine is checked against published measurements of real runs: training MFU, step time and
throughput, inference throughput and first-token latency, energy, carbon, interruptions and cost.
Each case names its source (paper, model card or vendor page), where in it the figure is
(table, section), the configuration as published, and the scenario that describes the run; a
device or model absent from the catalogue is either described inline or replaced by a named
stand-in, said in the case. \`mlsysim validate\` runs the same cases (\`--category\`, \`--split\`,
\`--output json|markdown\`); this page is its output with the causes added.

* **error** = (predicted − measured)/measured; the medians are of |error|.
* **bottleneck** is the class of the binding wall of the predicted run (physics §11.5): compute
  (wall 1), memory (wall 2), overhead (wall 3), communication (walls 4, 14), queueing (wall 7).
* **tune / holdout**: defaults may be chosen on the tune half only; both halves are reported.
  ${validationSet().split_method}
* Identity cases are exact arithmetic (KV bytes, weight bytes) and are kept out of the medians.

## Summary

${summaryTable(results, group)}

Identity cases: ${summary.identity.evaluated} of ${summary.identity.n} evaluated, largest |error| ${pct(summary.identity.max_abs_error)}.

## Where the error comes from

Each line gives the direction of the error and the formulas that produce it; they describe the
engine as of this table.

${causes.join('\n')}

## Cases

${caseTable(measured)}

### Identities

${caseTable(identity)}

## How each quantity is read

The case's scenario is built and evaluated like \`mlsysim eval\`; the prediction is read from these
cells (SI) and converted to the measurement's unit.

${readingsTable()}
${missing.length ? `\n### Not evaluated\n\n${missing.map((r) => `* \`${r.id}\`: ${r.reason ?? ''}`).join('\n')}\n` : ''}`;
}

const text = accuracyMarkdown();
if (process.argv.includes('--check')) {
  const current = readFileSync(OUT, 'utf8');
  if (current !== text) {
    process.stderr.write('docs/accuracy.md is out of date: run npm run accuracy\n');
    process.exitCode = 1;
  }
} else {
  writeFileSync(OUT, text);
}
