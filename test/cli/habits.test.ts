/**
 * What mlsysim users type out of habit works (the nested JSON, --region and --set of the plan's
 * ops with a plan, durations with units, a cluster where hardware goes), and what cannot work
 * says which field is wrong and how to fix it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { cli, cliJson, EXAMPLE, scratch } from './helpers.js';

vi.setConfig({ testTimeout: 60_000 });

const KWH = 3.6e6;
const DAY = 86400;
const LLAMA3_8B_HF = readFileSync(new URL('../fixtures/hf/Meta-Llama-3-8B.config.json', import.meta.url), 'utf8');
const withoutKey = (json: string, key: string) => {
  const o = JSON.parse(json) as Record<string, unknown>;
  delete o[key];
  return JSON.stringify(o, null, 2);
};
const DIR = scratch({
  'plan.yaml': 'version: "1.0"\nworkload: { name: Llama3_8B, batch_size: 1 }\nhardware: { name: H100 }\nops: { region: Quebec, duration_days: "2500 h" }\n',
  'cluster_plan.yaml': 'version: "1.0"\nworkload: { name: Llama3_70B, batch_size: 256 }\nhardware: { name: Lab_64_H100 }\n',
  'no_workload.yaml': 'version: "1.0"\nhardware: { name: H100, accelerators: 0 }\n',
  'no_hidden_size.json': withoutKey(LLAMA3_8B_HF, 'hidden_size'),
  'gpt2.json': JSON.stringify({ architectures: ['GPT2LMHeadModel'], model_type: 'gpt2', n_embd: 768, n_layer: 12, n_head: 12, n_positions: 1024, vocab_size: 50257 }),
  'broken.json': '{"hidden_size": 4096,\n"num_hidden_layers": 32\n',
  'broken_plan.json': '{"version": "1.0",\n  "workload": {"name": "Llama3_8B",, "batch_size": 1},\n  "hardware": {"name": "H100"}}\n',
});

type Cells = Record<string, { value: number }>;
const cellValue = (j: Record<string, unknown>, id: string) => (j.cells as Cells)[id].value;

describe('the nested lens shape beside the flat keys', () => {
  it('jq .macro.metrics.tco_usd prints the TCO (= m_tco_usd); status and summary per lens; passed_all stays', async () => {
    const { json } = await cliJson(['--output', 'json', 'eval', EXAMPLE]);
    const macro = json.macro as { status: string; summary: string; metrics: Record<string, number> };
    expect(macro.metrics.tco_usd).toBe(json.m_tco_usd);
    expect(macro.status).toBe(json.m_status);
    expect(macro.summary).toBe(json.m_summary);
    expect((json.feasibility as { status: string }).status).toBe(json.f_status);
    expect((json.performance as { metrics: Record<string, number> }).metrics.latency).toBe(json.p_latency);
    expect(typeof json.passed_all).toBe('boolean');
  });
});

describe('--region and --set of region and duration with a plan', () => {
  it('--region overrides the plan ops.region: Norway is 10 g/kWh (catalogue), not Quebec 20', async () => {
    const { json, code } = await cliJson(['--output', 'json', 'eval', EXAMPLE, '--region', 'Norway', '--all']);
    expect(code).not.toBe(1);
    expect(cellValue(json, 'infra.carbon_intensity')).toBeCloseTo(10 / KWH, 15);
  });

  it('--set region=… and --set ops.region=… do the same', async () => {
    for (const set of ['region=Norway', 'ops.region=Norway']) {
      const { json } = await cliJson(['--output', 'json', 'eval', EXAMPLE, '--set', set, '--all']);
      expect(cellValue(json, 'infra.carbon_intensity'), set).toBeCloseTo(10 / KWH, 15);
    }
  });

  it('--set ops.duration_days takes days or a duration with its unit (the plan says 14 days)', async () => {
    const one = await cliJson(['--output', 'json', 'eval', EXAMPLE, '--set', 'ops.duration_days=1', '--all']);
    expect(cellValue(one.json, 'capital.duration')).toBe(DAY);
    const hours = await cliJson(['--output', 'json', 'eval', EXAMPLE, '--set', 'ops.duration_days=2500 h', '--all']);
    expect(cellValue(hours.json, 'capital.duration')).toBe(2500 * 3600);
  });

  it('in MODEL HARDWARE mode --set ops.duration_days=14d turns the Macro lens on for 14 days', async () => {
    const { json } = await cliJson(['--output', 'json', 'eval', 'Llama3_8B', 'H100', '--set', 'ops.duration_days=14d', '--all']);
    expect(json.m_status).not.toBe('SKIPPED');
    expect(cellValue(json, 'capital.duration')).toBe(14 * DAY);
  });

  it('a plan may write ops.duration_days as "2500 h" (104.17 days)', async () => {
    const { json } = await cliJson(['--output', 'json', 'eval', 'plan.yaml', '--all'], DIR);
    expect(cellValue(json, 'capital.duration')).toBe(2500 * 3600);
  });

  it('--set ops.duration_days with a unit of the wrong dimension names the field and the forms it takes', async () => {
    const r = await cli(['eval', EXAMPLE, '--set', 'ops.duration_days=4GB']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--set ops\.duration_days must be days or a duration such as 14d or 2500 h/);
  });
});

describe('a cluster id wherever hardware goes', () => {
  it('eval Llama3_70B Lab_64_H100: the cluster is the system, with its device (64 H100, training)', async () => {
    const { json, code } = await cliJson(['--output', 'json', 'eval', 'Llama3_70B', 'Lab_64_H100', '--all']);
    expect(code, JSON.stringify(json.reason)).not.toBe(1);
    expect(json.scenario).toBe('Llama3_70B on Lab_64_H100');
    expect(json.mode).toBe('training');
    expect(cellValue(json, 'communication.num_devices')).toBe(64); // 8 nodes × 8 (catalogue Lab_64_H100)
  });

  it('a plan with hardware.name: Lab_64_H100 is the same system', async () => {
    const { json, code } = await cliJson(['--output', 'json', 'eval', 'cluster_plan.yaml', '--all'], DIR);
    expect(code).not.toBe(1);
    expect(cellValue(json, 'communication.num_devices')).toBe(64);
  });
});

describe('refusals that name the field and the fix', () => {
  it('eval PLAN.yaml H100: the plan already names its hardware', async () => {
    const r = await cli(['eval', EXAMPLE, 'H100']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is a plan and already names its hardware \(hardware\.name: H100\); run it alone/);
  });

  it('a plan with no workload says so first, then the other problems', async () => {
    const r = await cli(['eval', 'no_workload.yaml'], DIR);
    expect(r.code).toBe(1);
    const line = r.stderr.split('\n').find((l) => l.startsWith('error:')) ?? '';
    expect(line).toMatch(/workload is missing: a plan names its model as workload: \{ name: MODEL \}/);
    expect(line.indexOf('workload is missing')).toBeLessThan(line.indexOf('hardware.accelerators'));
  });

  it('a Hugging Face config without hidden_size names config.json.hidden_size and where to get it', async () => {
    const r = await cli(['eval', 'no_hidden_size.json', 'H100'], DIR);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/config\.json\.hidden_size is required/);
    expect(r.stderr).toMatch(/fix: a decoder LM's config\.json \(LlamaForCausalLM\) needs hidden_size/);
  });

  it('a GPT-2-style config is read as a config and told the renames', async () => {
    const r = await cli(['eval', 'gpt2.json', 'H100'], DIR);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rename them n_embd → hidden_size, n_layer → num_hidden_layers, n_head → num_attention_heads/);
    expect(r.stderr).not.toMatch(/model\.id is required/);
  });

  it('broken JSON shows the parser message and the line (here: the end of the file)', async () => {
    const r = await cli(['eval', 'broken.json', 'H100'], DIR);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/at line 3, column 1: Flow map must end with a \} — line 3: \(end of file\)/);
  });

  it('a stray comma in a JSON plan: the message and the offending line', async () => {
    const r = await cli(['eval', 'broken_plan.json'], DIR);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/at line 2, column 36: Unexpected , in flow map — line 2: `  "workload": \{"name": "Llama3_8B",, "batch_size": 1\},`/);
  });

  it('optimize batching on a training plan runs in serving mode, without an internal cell name', async () => {
    const r = await cli(['optimize', 'batching', EXAMPLE, '--sla-ms', '5000', '--qps', '2']);
    expect(r.stderr).not.toMatch(/global_batch_size|is not a cell/);
    expect(r.code, r.stderr).not.toBe(1);
  });

  it('--set of a cell another mode has names the mode it is missing from', async () => {
    const r = await cli(['eval', 'Llama3_8B', 'H100', '--set', 'communication.zero_stage=1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/communication\.zero_stage is not a cell of this scenario \(inference mode; .*--mode training/);
  });
});
