/**
 * The zod schema of the validation set (data/validation.json): published measurements of real
 * runs, each with the source it comes from, where in that source (locator), the configuration
 * as published, the measured number, and the scenario that describes the run to the engine.
 * A case without a source or a locator is refused: a number nobody can look up is not a
 * measurement.
 */
import { z } from 'zod';
import { count, num, oneOf, strictObject, text, textList } from './schema-common.js';

/** What a case measures. Identity cases are exact arithmetic, kept apart from the medians. */
export const VALIDATION_CATEGORIES = ['training', 'inference', 'energy', 'carbon', 'reliability', 'cost', 'identity'] as const;
export type ValidationCategory = (typeof VALIDATION_CATEGORIES)[number];

/** `tune` cases may be used to choose defaults; `holdout` cases only to report them. */
export const VALIDATION_SPLITS = ['tune', 'holdout'] as const;
export type ValidationSplit = (typeof VALIDATION_SPLITS)[number];

/**
 * The measured quantities and the unit each is stored in (the engine's reading is converted to
 * it). The cell each one reads is defined by the scenario layer (src/scenario/validate.ts).
 */
export const VALIDATION_QUANTITIES = {
  training_mfu: 'fraction',
  training_tflops_per_gpu: 'TFLOP/s/GPU',
  step_time: 's',
  training_tokens_per_gpu_s: 'tokens/s/GPU',
  static_output_tokens_per_s_per_gpu: 'tokens/s/GPU',
  ttft: 'ms',
  it_energy_mwh: 'MWh',
  facility_energy_mwh: 'MWh',
  /** The devices' energy alone (no host, no PUE), the physical counterpart of a TDP × GPU-hours figure. */
  device_energy_mwh: 'MWh',
  carbon_t: 't CO2e',
  /** Accounting view: TDP × device-hours × PUE × grid intensity, as model cards state emissions. */
  carbon_t_tdp: 't CO2e',
  interruptions: 'count',
  /** Failures of one node per 1000 node-days (a cluster's observed node failure rate). */
  node_failures_per_1000_node_days: 'failures/1000 node-days',
  /** Mean time between failures of a job spanning the scenario's nodes. */
  job_mttf_h: 'h',
  cost_usd: 'USD',
  /** Cost of the whole training run under the scenario's cost model (time to train × cost rate). */
  training_run_cost_usd: 'USD',
  kv_bytes_per_token: 'B',
  weight_bytes: 'B',
} as const;
export type ValidationQuantity = keyof typeof VALIDATION_QUANTITIES;
const QUANTITY_KEYS = Object.keys(VALIDATION_QUANTITIES) as [ValidationQuantity, ...ValidationQuantity[]];

/**
 * Bottleneck classes a case may state (physics §11.5): what binds the measured run. A case
 * states one only when its source says it, or a source it names says it of this kind of run.
 */
export const BOTTLENECK_CLASSES = ['compute', 'memory', 'overhead', 'communication', 'queueing', 'data'] as const;
export type ExpectedBottleneck = (typeof BOTTLENECK_CLASSES)[number];

const SOURCE_KINDS = ['paper', 'model-card', 'vendor-doc', 'report', 'blog'] as const;

/** Non-empty text: a blank source title or locator is as good as none. */
const nonEmpty = () => text().trim().min(1, { error: 'must not be empty' });

const urlText = () => nonEmpty().regex(/^https?:\/\//, { error: 'must be an http(s) URL' });

export const validationSourceSchema = strictObject({
  /** Authors or publisher and title, as a reader would search for it. */
  title: nonEmpty(),
  url: urlText(),
  kind: oneOf(SOURCE_KINDS),
  /** Where the figure was read when that was not the primary document (a copy, a quotation). */
  read_via: nonEmpty().optional(),
});

/** The run as published (text, so it can say "16M tokens = 2,048 sequences"). */
export const validationConfigurationSchema = strictObject({
  model: nonEmpty(),
  device: nonEmpty(),
  count: count(),
  precision: nonEmpty(),
  batch: nonEmpty().optional(),
  sequence: nonEmpty().optional(),
  layout: nonEmpty().optional(),
  duration: nonEmpty().optional(),
});

export const validationMeasuredSchema = strictObject({
  quantity: oneOf(QUANTITY_KEYS),
  /** The number in the quantity's unit (VALIDATION_QUANTITIES). */
  value: num({ gt: 0 }),
  /** The figure exactly as the source prints it ("433,196 kWh", "43% BF16 MFU"). */
  published: nonEmpty(),
});

export const expectedBottleneckSchema = strictObject({
  class: oneOf(BOTTLENECK_CLASSES),
  /** What the source states and where (a quoted sentence, a figure), and how it applies to this run. */
  basis: nonEmpty(),
});

export const validationCaseSchema = strictObject({
  id: nonEmpty().regex(/^[a-z0-9][a-z0-9.-]*$/, { error: 'must be lower-case letters, digits, . and -' }),
  title: nonEmpty(),
  category: oneOf(VALIDATION_CATEGORIES),
  split: oneOf(VALIDATION_SPLITS).optional(),
  source: validationSourceSchema,
  locator: nonEmpty(),
  configuration: validationConfigurationSchema,
  measured: validationMeasuredSchema,
  /** The class of the binding bottleneck, only where a source states it (`validate` scores the prediction's class). */
  expected_bottleneck: expectedBottleneckSchema.optional(),
  /** Which catalogue entry stands in for an absent one, and why. */
  stand_in: nonEmpty().optional(),
  notes: textList().optional(),
  /** The scenario document (checked against the scenario schema when the case is run). */
  scenario: z.record(z.string(), z.unknown(), { error: 'must be a scenario map {model, hardware, …}' }),
}).superRefine((c, ctx) => {
  if (c.category === 'identity' && c.split !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['split'], input: c.split, message: 'must be absent for an identity case (identities are exact and kept apart from the splits)' });
  }
  if (c.category === 'identity' && c.expected_bottleneck !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['expected_bottleneck'], input: c.expected_bottleneck, message: 'must be absent for an identity case (no time is spent, so nothing binds)' });
  }
  if (c.category !== 'identity' && c.split === undefined) {
    ctx.addIssue({ code: 'custom', path: ['split'], input: c.split, message: `is required (one of ${VALIDATION_SPLITS.join(', ')}) for a ${c.category} case` });
  }
});

export const validationSetSchema = strictObject({
  schema_version: z.literal(1, { error: 'must be 1' }),
  description: nonEmpty(),
  split_method: nonEmpty(),
  cases: z.array(validationCaseSchema, { error: 'must be a list of cases' }).min(1, { error: 'must hold at least one case' }),
}).superRefine((s, ctx) => {
  const seen = new Set<string>();
  s.cases.forEach((c, i) => {
    if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: ['cases', i, 'id'], input: c.id, message: `repeats the id '${c.id}'` });
    seen.add(c.id);
  });
});

export type ValidationSource = z.infer<typeof validationSourceSchema>;
export type ValidationCase = z.infer<typeof validationCaseSchema>;
export type ValidationSet = z.infer<typeof validationSetSchema>;
