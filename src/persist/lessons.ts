/**
 * The example workbooks written as short lessons: each starts from one scenario and walks
 * through a few steps — a title, a few sentences, the choice or edit the step makes, and
 * sometimes a number for the class to predict before it is revealed. Opened, a lesson starts in
 * presentation mode at its first step (the workbench's lessons panel applies the steps).
 *
 * The figures quoted in the texts follow from the catalogue and physics.md (test/persist/
 * lessons.test.ts evaluates every step and checks them): Llama3_8B has 8.03e9 parameters,
 * 32 layers, 8 KV heads of 128 (131 072 B of fp16 KV per token); Llama3_70B 70.6e9 parameters,
 * 80 layers, 8 KV heads of 128 (327 680 B per token); an H100 has 80 GB at 3.35 TB/s.
 */
import type { Scenario, Workbook, WorkbookScenario } from '../scenario/index.js';
import { WORKBOOK_SCHEMA_VERSION } from '../scenario/index.js';
import type { Lesson } from '../scenario/workbook.js';

/** Timestamp of the shipped lessons (copies get their own). */
const LESSON_TIME = '2025-01-01T00:00:00.000Z';

interface LessonExample {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly scenario: Scenario;
  readonly lesson: Pick<Lesson, 'steps'>;
}

function lessonWorkbook(l: LessonExample): Workbook {
  const first: WorkbookScenario = { id: 'lesson', name: l.title, scenario: l.scenario };
  return {
    schema_version: WORKBOOK_SCHEMA_VERSION, id: `example.${l.id}`, name: l.title, created: LESSON_TIME, updated: LESSON_TIME,
    scenarios: [first], sweeps: [], notes: l.description, active_scenario_id: first.id, lesson: { start: l.scenario, steps: l.lesson.steps },
  };
}

const TRAINING_70B: Scenario = { model: 'Llama3_70B', hardware: 'H100', mode: 'training', ops: { duration_days: 14 } };

export const LESSONS: readonly LessonExample[] = [
  {
    id: 'lesson.roofline-batching', title: 'Lesson: roofline and batching',
    description: 'Llama-3 8B decoding on one H100: why one token at a time is memory-bound, what batching buys, and where memory ends it.',
    scenario: { name: 'Llama-3 8B decode on H100', model: 'Llama3_8B', hardware: 'H100', mode: 'inference', overrides: { 'scenario.batch_size': 1 } },
    lesson: {
      steps: [
        {
          title: 'One token at a time',
          text: 'To produce one token, a decode step reads every weight once: 16 GB of fp16 weights for about 1 FLOP per byte. ' +
            'That is far left of the H100 ridge, so the step is memory-bound: its time is bytes over bandwidth, about 16.3 GB / 3.35 TB/s.',
        },
        {
          title: 'Eight sequences at once',
          text: 'Batch 8 serves eight sequences with the same weight reads. Predict the latency of a step before revealing it.',
          set: { 'scenario.batch_size': 8 }, predict: 'performance.latency',
        },
        {
          title: 'Sixty-four',
          text: 'At batch 64 each weight read serves 64 tokens: throughput grows almost 64-fold while the step barely slows, and the point climbs the slope towards the ridge.',
          set: { 'scenario.batch_size': 64 }, predict: 'performance.throughput',
        },
        {
          title: 'The memory wall',
          text: 'The KV cache grows with batch × context: 256 sequences × 2048 tokens × 131 kB is 68.7 GB, on top of 16 GB of weights — more than 80 GB. ' +
            'The design no longer fits: Feasibility fails, whatever the latency says.',
          set: { 'scenario.batch_size': 256 },
        },
      ],
    },
  },
  {
    id: 'lesson.memory-wall', title: 'Lesson: the memory wall and offload',
    description: 'Llama-3 70B on one H100: offload over the host link, then fewer bytes per weight, then how many sequences fit.',
    scenario: { name: 'Llama-3 70B on one H100', model: 'Llama3_70B', hardware: 'H100', mode: 'inference' },
    lesson: {
      steps: [
        {
          title: '70B in fp16 on one GPU',
          text: '70.6 billion parameters at 2 bytes are 141 GB of weights; the H100 holds 80 GB. The rest is offloaded to host memory, ' +
            'and every step streams it over the host link, far slower than HBM.',
        },
        {
          title: 'fp8 weights',
          text: 'One byte per weight: 70.6 GB fits in HBM next to the KV cache, and the host link drops out of the step. Predict the new latency.',
          set: { 'scenario.precision': 'fp8' }, predict: 'performance.latency',
        },
        {
          title: '4-bit weights',
          text: 'Half a byte per weight: 35.3 GB of weights leaves about 45 GB for the KV cache (671 MB per 2048-token sequence).',
          set: { 'scenario.precision': 'int4' },
        },
        {
          title: 'Sixty-four sequences',
          text: '35.3 GB of weights + 64 × 0.671 GB of KV cache = 78.2 GB, plus a little working memory: it still fits, just.',
          set: { 'scenario.batch_size': 64 }, predict: 'feasibility.memory_used_gb',
        },
        {
          title: 'One hundred and twenty-eight',
          text: '35.3 GB + 128 × 0.671 GB = 121.2 GB: past the wall again. Offload or more devices are the ways out.',
          set: { 'scenario.batch_size': 128 },
        },
      ],
    },
  },
  {
    id: 'lesson.fleet-scaling', title: 'Lesson: fleet scaling',
    description: 'Llama-3 70B training on one DGX H100, then 64 and 1,024 H100: whether the training state fits, and what more GPUs buy.',
    scenario: { name: 'Llama-3 70B training', ...TRAINING_70B, system: 'DGX_H100' },
    lesson: {
      steps: [
        {
          title: 'One node of eight',
          text: 'Training keeps weights, gradients and Adam state: about 16 bytes a parameter, 1.13 TB for 70.6 billion. ' +
            'Split eight ways that is still 141 GB a GPU, more than 80 GB: whatever the split, the search finds no layout that fits.',
        },
        {
          title: 'Sixty-four GPUs',
          text: 'Eight nodes over InfiniBand: split sixteen ways (tensor × pipeline) the state fits. Predict the fleet throughput in tokens per second.',
          pick: { system: 'Lab_64_H100' }, predict: 'performance.fleet_throughput',
        },
        {
          title: 'A thousand GPUs',
          text: 'Sixteen times the GPUs. Predict the fleet throughput: communication and the pipeline take a share of each step, so it grows less than sixteen-fold.',
          pick: { system: 'Training_1K' }, predict: 'performance.fleet_throughput',
        },
      ],
    },
  },
  {
    id: 'lesson.carbon-region', title: 'Lesson: carbon by region',
    description: 'The same 14-day run of Llama-3 70B on 1,024 H100 in three grids: the operational carbon follows the grid, the embodied carbon does not.',
    scenario: { name: 'Llama-3 70B training for 14 days', ...TRAINING_70B, system: 'Training_1K', region: 'US_Avg' },
    lesson: {
      steps: [
        {
          title: 'The US average grid',
          text: 'The run draws its energy from a grid emitting 366 g CO2e per kWh (US average). Its footprint is operational carbon — facility energy × grid intensity — plus a share of the hardware’s embodied carbon.',
        },
        {
          title: 'Quebec: hydro power',
          text: 'Same hardware, same run, a grid of 20 g/kWh with a PUE of 1.06. Predict the carbon footprint.',
          pick: { region: 'Quebec' }, predict: 'macro.carbon_footprint',
        },
        {
          title: 'Poland: coal',
          text: '820 g/kWh and a PUE of 1.58: the operational carbon grows by 820 × 1.58 / (20 × 1.06) ≈ 61 times Quebec’s; the embodied share stays the same.',
          pick: { region: 'Poland' }, predict: 'macro.carbon_footprint',
        },
      ],
    },
  },
];

export interface LessonInfo {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

export const lessonInfos = (): LessonInfo[] => LESSONS.map(({ id, title, description }) => ({ id, title, description }));

/** The lesson workbook `id`, or undefined when there is none. */
export function lessonExample(id: string): Workbook | undefined {
  const l = LESSONS.find((x) => x.id === id);
  return l ? lessonWorkbook(l) : undefined;
}
