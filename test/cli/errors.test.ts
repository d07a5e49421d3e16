/**
 * Bad input: each case exits 1 with a one-line reason on stderr (text mode) or a JSON error
 * object on stdout (JSON mode), never a stack trace.
 */
import { describe, expect, it, vi } from 'vitest';
import { cli, EXAMPLE, noStack, scratch } from './helpers.js';

// Spawns run concurrently on few cores: allow time.
vi.setConfig({ testTimeout: 60_000 });

const PLAN = (extra = '', workload = '') => `version: "1.0"\nname: "t"\nworkload:\n  name: Llama3_8B\n  batch_size: 1\n${workload}hardware:\n  name: H100\n  precision: fp16\n  efficiency: 0.5\n${extra}`;
const DIR = scratch({
  'malformed.yaml': 'version: "1.0"\nworkload: [unclosed\n  name: Llama3_8B\n',
  'stray.yaml': PLAN('', '  stray_field: true\n'),
  'indivisible.yaml': PLAN().replace('  precision', '  accelerators: 10\n  accelerators_per_node: 4\n  precision'),
  'bad_assert.yaml': PLAN('constraints:\n  assert:\n    - metric: performance.latencyy\n      max: 5\n'),
  'bad_model.json': JSON.stringify({ id: 'Mine', params: -5 }),
  'bad_device.yaml': 'id: Chip\npeak_tflops: {fp16: -1}\n',
  'plan.yaml': PLAN(),
});

/** [what, argv, a fragment of the reason]. */
const BAD: readonly [string, string[], RegExp][] = [
  ['unknown hardware', ['eval', 'Llama3_8B', 'H999'], /Unknown hardware 'H999'/],
  ['hardware typo with suggestions', ['eval', 'Llama3_8B', 'H10'], /Did you mean H100/],
  ['unknown model', ['eval', 'Llama3_9B', 'H100'], /Unknown model 'Llama3_9B'/],
  ['negative batch', ['eval', 'Llama3_8B', 'H100', '--batch-size', '-1'], /--batch-size must be an integer ≥ 1/],
  ['zero batch', ['eval', 'Llama3_8B', 'H100', '--batch-size', '0'], /--batch-size/],
  ['non-numeric batch', ['eval', 'Llama3_8B', 'H100', '--batch-size', 'lots'], /--batch-size.*'lots'/],
  ['efficiency 0', ['eval', 'Llama3_8B', 'H100', '--efficiency', '0'], /--efficiency must be a number > 0/],
  ['efficiency 1.5', ['eval', 'Llama3_8B', 'H100', '--efficiency', '1.5'], /scenario\.efficiency must be a number in \(0, 1\]/],
  ['unknown precision', ['eval', 'Llama3_8B', 'H100', '--precision', 'float7'], /scenario\.precision must be one of/],
  ['seq-len 0', ['eval', 'Llama3_8B', 'H100', '--seq-len', '0'], /--seq-len/],
  ['unknown mode', ['eval', 'Llama3_8B', 'H100', '--mode', 'flying'], /--mode.*flying/],
  ['unknown region', ['eval', 'Llama3_8B', 'H100', '--region', 'Atlantis'], /Atlantis/],
  ['--set with a unit of the wrong dimension', ['eval', 'Llama3_8B', 'H100', '--set', 'hardware.memory_bandwidth=4TB'], /hardware\.memory_bandwidth.*B\/s/],
  ['--set of an unknown cell', ['eval', 'Llama3_8B', 'H100', '--set', 'hardware.memory_bandwith=4TB/s'], /Did you mean hardware\.memory_bandwidth/],
  ['--set of a derived cell to no value of its kind', ['eval', 'Llama3_8B', 'H100', '--set', 'compute.latency=1GB'], /set\.compute\.latency.*unit/],
  ['--set without =', ['eval', 'Llama3_8B', 'H100', '--set', 'scenario.batch_size'], /--set must be CELL=VALUE/],
  ['--set batch -5', ['eval', 'Llama3_8B', 'H100', '--set', 'scenario.batch_size=-5'], /scenario\.batch_size must be an integer ≥ 1/],
  ['missing plan file', ['eval', 'nowhere.yaml'], /nowhere\.yaml' does not exist/],
  ['malformed YAML', ['eval', 'malformed.yaml'], /malformed\.yaml/],
  ['unknown plan key', ['eval', 'stray.yaml'], /workload\.stray_field is not a known key/],
  ['indivisible accelerators', ['eval', 'indivisible.yaml'], /accelerators/],
  ['unknown assert metric', ['eval', 'bad_assert.yaml'], /performance\.latencyy/],
  ['flag mode flags with a plan', ['eval', 'plan.yaml', '--batch-size', '4'], /--batch-size apply to MODEL HARDWARE/],
  ['one argument that is not a file', ['eval', 'Llama3_8B'], /needs PLAN\.yaml or MODEL HARDWARE/],
  ['invalid custom model file', ['eval', 'bad_model.json', 'H100'], /model/],
  ['invalid custom device file', ['eval', 'Llama3_8B', 'bad_device.yaml'], /peak_tflops/],
  ['unknown option', ['eval', 'Llama3_8B', 'H100', '--batchsize', '4'], /unknown option '--batchsize'/],
  ['unknown command', ['evaluate', 'Llama3_8B', 'H100'], /unknown command 'evaluate'/],
  ['bad --output', ['--output', 'xml', 'zoo'], /xml/],
  ['zoo kind typo', ['zoo', 'hardwre'], /Did you mean hardware/],
  ['zoo category typo', ['zoo', 'hardware', '--category', 'clod'], /Did you mean Cloud/],
  ['optimize kind typo', ['optimize', 'paralelism', EXAMPLE], /Did you mean parallelism/],
  ['optimize batching without SLA', ['optimize', 'batching', 'Llama3_8B', 'H100'], /--sla-ms and --qps/],
  ['optimize parallelism on one device', ['optimize', 'parallelism', 'Llama3_8B', 'H100'], /training scenario/],
  ['sweep axis without a range', ['sweep', 'Llama3_8B', 'H100', '--axis', 'scenario.batch_size=1', '--metric', 'compute.latency'], /--axis must be CELL=START:STOP/],
  ['sweep metric typo', ['sweep', 'Llama3_8B', 'H100', '--axis', 'scenario.batch_size=1:8', '--metric', 'compute.latncy'], /Did you mean compute\.latency/],
  ['sweep over a derived cell that is not numeric', ['sweep', 'Llama3_8B', 'H100', '--axis', 'compute.bottleneck=1:2', '--metric', 'compute.latency'], /compute\.bottleneck is not numeric/],
  ['explain unknown cell', ['explain', 'Llama3_8B', 'H100', 'compute.nope'], /not a cell of this scenario/],
  ['seek target with a wrong unit', ['seek', 'Llama3_8B', 'H100', '--target', 'compute.latency=10GB', '--vary', 'scenario.batch_size=1:64'], /--target/],
  ['schema type typo', ['schema', 'plna'], /Did you mean plan/],
  ['csv for eval', ['eval', 'Llama3_8B', 'H100', '--output', 'csv'], /eval prints text, json, markdown/],
];

describe('bad input exits 1 with a one-line reason', () => {
  it('has at least 20 cases', () => expect(BAD.length).toBeGreaterThanOrEqual(20));

  BAD.forEach(([what, argv, reason], i) => {
    it.concurrent(`${what}: text mode`, async () => {
      const r = await cli(argv, DIR);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trimEnd().split('\n').filter((l) => !l.startsWith('warning:'));
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^error: /);
      expect(lines[0]).toMatch(reason);
      expect(noStack(r.stderr)).toBe(true);
    });
    // JSON mode for every fourth case (each spawn costs ~0.3 s).
    if (i % 4 === 0) it.concurrent(`${what}: JSON mode`, async () => {
      const r = await cli([...argv, '--output', 'json'].filter((a, i, all) => !(what === 'bad --output' && (a === 'json' || (a === '--output' && all[i + 1] === 'json')))), DIR);
      if (what !== 'csv for eval') expect(r.code).toBe(1);
      if (what === 'bad --output' || what === 'csv for eval') return; // the format itself is what is wrong: text error
      const j = JSON.parse(r.stdout) as { status: string; title: string; reason: string };
      expect(j.status).toBe('error');
      expect(typeof j.title).toBe('string');
      expect(j.reason).toMatch(reason);
      expect(j.reason).not.toContain('\n');
      expect(noStack(r.stdout + r.stderr)).toBe(true);
    });
  });
});
