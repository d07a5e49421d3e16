/**
 * The example workbooks that ship with the app: one per catalogue scenario (the mlsysim
 * "zoo" of SmartDoorbell, KeywordSpotting, …), three lecture workbooks and the lessons
 * (lessons.ts: a few steps each, opened in presentation mode). They are
 * built from the registry when asked for, so a catalogue change shows up here without an
 * edit; test/persist/examples.test.ts builds and evaluates every one.
 *
 * Opening an example stores an editable copy (a new id, via WorkbookStore.add); the
 * examples themselves never change.
 */
import { registry } from '../registry/index.js';
import type { Registry } from '../registry/index.js';
import { WORKBOOK_SCHEMA_VERSION } from '../scenario/index.js';
import type { Scenario, Workbook, WorkbookScenario, WorkbookSweep } from '../scenario/index.js';
import { PersistError } from './errors.js';
import { lessonExample, lessonInfos } from './lessons.js';

export interface ExampleInfo {
  /** "catalogue.SmartDoorbell", "lecture.roofline", … */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly kind: 'catalogue' | 'lecture' | 'lesson';
}

/** Timestamp of the shipped examples (copies get their own). */
const EXAMPLE_TIME = '2025-01-01T00:00:00.000Z';

function workbook(id: string, name: string, notes: string, scenarios: WorkbookScenario[], sweeps: WorkbookSweep[] = []): Workbook {
  return {
    schema_version: WORKBOOK_SCHEMA_VERSION, id: `example.${id}`, name, created: EXAMPLE_TIME, updated: EXAMPLE_TIME,
    scenarios, sweeps, notes, active_scenario_id: scenarios[0]?.id,
  };
}

/** A batch-size sweep on a log axis (1 … 256) with latency and throughput as series. */
function batchSweep(id: string, scenarioId: string): WorkbookSweep {
  return {
    id, scenario_id: scenarioId,
    x: { cell: 'scenario.batch_size', start: 1, stop: 256, points: 9, scale: 'log' },
    outputs: ['performance.latency', 'performance.throughput'],
  };
}

/** A catalogue scenario as a workbook scenario: device, cluster, a precision the device runs, the SLA. */
function catalogueScenario(id: string, reg: Registry): { scenario: Scenario; notes: string } {
  const entry = reg.lookup('scenario', id);
  const cluster = entry.system_kind === 'cluster' ? reg.resolveCluster(entry.system) : undefined;
  const hardware = cluster ? cluster.device.id : entry.system;
  const device = reg.lookup('hardware', hardware);
  // The physics default is fp16; a device without an fp16 peak (microcontrollers, NPUs) runs its own default.
  const precision = 'fp16' in device.peak_flops_table ? undefined : device.default_precision;
  const scenario: Scenario = {
    name: entry.display_name,
    ...(entry.description !== undefined ? { description: entry.description } : {}),
    model: entry.model,
    hardware,
    ...(cluster ? { system: entry.system } : {}),
    ...(precision !== undefined ? { overrides: { 'scenario.precision': precision } } : {}),
    // The SLA is a per-request latency; on a training fleet performance.latency is a step time.
    ...(entry.sla_latency !== undefined && !cluster
      ? { asserts: [{ metric: 'performance.latency', max: Math.round(entry.sla_latency * 1e3 * 1e6) / 1e6 }] }
      : {}),
  };
  const lines = [
    entry.description,
    entry.application ? `Application: ${entry.application}${entry.tier ? ` (${entry.tier} tier)` : ''}.` : undefined,
    entry.sla_latency !== undefined ? `Latency SLA: ${entry.sla_latency * 1e3} ms.` : undefined,
    entry.power_budget !== undefined ? `Power budget: ${entry.power_budget} W.` : undefined,
    entry.expected_outcome ? `Expected outcome: ${entry.expected_outcome}${entry.expected_outcome_reason ? ` — ${entry.expected_outcome_reason}` : ''}` : undefined,
  ].filter((l): l is string => Boolean(l));
  return { scenario, notes: lines.join('\n') };
}

const TRAINING_70B: Scenario = {
  model: 'Llama3_70B', hardware: 'H100', system: 'Training_1K', mode: 'training', ops: { duration_days: 14 },
};

interface LectureExample extends ExampleInfo {
  readonly build: () => Workbook;
}

const LECTURES: readonly LectureExample[] = [
  {
    id: 'lecture.roofline', kind: 'lecture', title: 'Roofline: ResNet-50 vs Llama decode',
    description: 'A convolutional network is compute-bound; one decode step of an LLM at batch 1 is memory-bound.',
    build: () => workbook('lecture.roofline', 'Roofline: ResNet-50 vs Llama decode',
      'Two workloads on one H100. ResNet-50 reuses each weight across a whole image (high arithmetic intensity); ' +
      'a Llama-3 8B decode step reads every weight once per token at batch 1 (about 1 FLOP per byte), so it sits ' +
      'under the bandwidth roof. Sweep the batch size to watch the decode point climb towards the compute roof.',
      [
        { id: 'resnet50', name: 'ResNet-50 on H100 (batch 1)',
          scenario: { name: 'ResNet-50 on H100', model: 'ResNet50', hardware: 'H100', mode: 'inference', overrides: { 'scenario.batch_size': 1 } } },
        { id: 'llama-decode', name: 'Llama-3 8B decode on H100 (batch 1)',
          scenario: { name: 'Llama-3 8B decode on H100', model: 'Llama3_8B', hardware: 'H100', mode: 'inference', overrides: { 'scenario.batch_size': 1 } } },
      ],
      [batchSweep('resnet50-batch', 'resnet50'), batchSweep('llama-decode-batch', 'llama-decode')]),
  },
  {
    id: 'lecture.training-70b', kind: 'lecture', title: '70B training on 1,024 H100',
    description: 'Llama-3 70B pre-training on Training_1K (128 DGX H100 nodes × 8 = 1,024 H100) for 14 days.',
    build: () => workbook('lecture.training-70b', '70B training on 1,024 H100',
      'Training_1K is 128 DGX H100 nodes of 8 GPUs on InfiniBand. The layout (tensor, pipeline, data parallel, ZeRO) ' +
      'is chosen by the parallelism search; the 14-day run turns on the Macro lens (energy, carbon, TCO).',
      [{ id: 'training', name: 'Llama-3 70B on 1,024 H100', scenario: { name: 'Llama-3 70B on 1,024 H100', ...TRAINING_70B } }]),
  },
  {
    id: 'lecture.carbon', kind: 'lecture', title: 'Carbon: Quebec vs Poland',
    description: 'The same 14-day training run on two grids: hydro-powered Quebec and coal-heavy Poland.',
    build: () => workbook('lecture.carbon', 'Carbon: Quebec vs Poland',
      'Identical hardware, model and duration; only the grid region differs. Compare macro.carbon_footprint: ' +
      'the operational carbon scales with the grid intensity, the embodied carbon does not.',
      [
        { id: 'quebec', name: 'Quebec', scenario: { name: '70B training in Quebec', ...TRAINING_70B, region: 'Quebec' } },
        { id: 'poland', name: 'Poland', scenario: { name: '70B training in Poland', ...TRAINING_70B, region: 'Poland' } },
      ]),
  },
];

/** Every example: the catalogue scenarios (catalogue order), then the lecture workbooks, then the lessons. */
export function listExamples(reg: Registry = registry()): ExampleInfo[] {
  const catalogue = reg.list('scenario').map((s): ExampleInfo => ({
    id: `catalogue.${s.id}`, kind: 'catalogue', title: s.display_name, description: s.description ?? `${s.model} on ${s.system}`,
  }));
  return [
    ...catalogue, ...LECTURES.map(({ id, kind, title, description }) => ({ id, kind, title, description })),
    ...lessonInfos().map((l): ExampleInfo => ({ ...l, kind: 'lesson' })),
  ];
}

/** The example workbook `id` (a fresh object each call). Throws PersistError('not_found'). */
export function exampleWorkbook(id: string, reg: Registry = registry()): Workbook {
  const lecture = LECTURES.find((l) => l.id === id);
  if (lecture) return lecture.build();
  const lesson = lessonExample(id);
  if (lesson) return lesson;
  const scenarioId = id.startsWith('catalogue.') ? id.slice('catalogue.'.length) : undefined;
  if (scenarioId !== undefined && reg.has('scenario', scenarioId)) {
    const { scenario, notes } = catalogueScenario(scenarioId, reg);
    const name = scenario.name ?? scenarioId;
    return workbook(id, name, notes, [{ id: scenarioId, name, scenario }]);
  }
  const known = listExamples(reg).map((e) => e.id).join(', ');
  throw new PersistError('not_found', `there is no example '${id}' (examples: ${known})`);
}
