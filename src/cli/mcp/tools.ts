/**
 * The mcp tools: the CLI's verbs, one line each in TOOLS. A tool takes the command's arguments
 * and flags as named, typed fields, runs the function the command's `--output json` runs, and
 * answers with the same JSON. Its description and the help of its flag fields are the CLI's own
 * (read from the registered commander command), so `mlsysim eval --help` and the eval tool say
 * the same thing.
 */
import { Command } from 'commander';
import { z } from 'zod';
import type { SeekGoal } from '../../graph/index.js';
import { VALIDATION_CATEGORIES, VALIDATION_SPLITS } from '../../registry/index.js';
import { formatIssues, SCHEMA_TYPES } from '../../scenario/index.js';
import { num, oneOf, strictMap, text } from '../../scenario/fields.js';
import type { Answer, CliState } from '../command.js';
import { calibrateAnswer, registerCalibrate } from '../commands/calibrate.js';
import { evalAnswer, registerEval } from '../commands/eval.js';
import { explainAnswer, registerExplain } from '../commands/explain.js';
import { optimizeAnswer, registerOptimize } from '../commands/optimize.js';
import { registerSchema, schemaAnswer } from '../commands/schema.js';
import { registerSeek, seekAnswer } from '../commands/seek.js';
import { registerSensitivity, sensitivityAnswer } from '../commands/sensitivity.js';
import { registerServe, serveAnswer } from '../commands/serve.js';
import { registerSweep, sweepAnswer } from '../commands/sweep.js';
import { registerValidate, validateAnswer } from '../commands/validate.js';
import { registerZoo, zooAnswer } from '../commands/zoo.js';
import { CliError } from '../errors.js';
import { flagText, scenarioFields, sourceOf } from './source.js';

/** A tool as the server lists and calls it. */
export interface McpTool {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** JSON Schema (draft 2020-12) of the arguments, generated from the zod fields. */
  readonly inputSchema: ObjectSchema;
  /** Checks the arguments and answers; throws (CliError, ScenarioInputError …) for bad input. */
  call(args: unknown): Answer;
}

/** A JSON Schema of an object (what MCP lists as a tool's inputSchema). */
export interface ObjectSchema {
  readonly type: 'object';
  readonly properties?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly [key: string]: unknown;
}

type Register = (program: Command, state: CliState) => void;

/** The CLI command's help: summary, description and each flag's description by its long name. */
function cliHelp(register: Register) {
  const program = new Command();
  register(program, { code: 0 });
  const cmd = program.commands[0];
  return { summary: cmd.summary(), description: cmd.description(), flags: new Map(cmd.options.map((o) => [o.long ?? '', o.description])) };
}

/** A field without a description of its own takes its CLI flag's (`batch_size` → `--batch-size`). */
function withFlagHelp(schema: ObjectSchema, flags: ReadonlyMap<string, string>): ObjectSchema {
  const described = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, p]) => {
    const help = flags.get(`--${k.replace(/_/g, '-')}`);
    return [k, p.description === undefined && help ? { ...p, description: help } : p];
  }));
  return { ...schema, properties: described };
}

function tool<F extends z.ZodRawShape>(name: string, register: Register, fields: F, answer: (args: z.output<z.ZodObject<F>>) => Answer): McpTool {
  const schema = strictMap(fields, 'a map of arguments');
  const help = cliHelp(register);
  // A strict zod object: its JSON Schema is {type: 'object', properties, required, additionalProperties: false}.
  const inputSchema = withFlagHelp(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as ObjectSchema, help.flags);
  return {
    name,
    title: `mlsysim ${name}`,
    description: `${help.summary}.\n${help.description}\nThe result is the JSON of \`mlsysim --output json ${name}\`; bad input is a tool error {status, title, reason}.`,
    inputSchema,
    call(args) {
      const parsed = schema.safeParse(args ?? {});
      if (!parsed.success) {
        const problems = formatIssues(parsed.error.issues, 'arguments').map((p) => p.message);
        throw new CliError('Bad arguments', `${name}: ${problems.join('; ')}`);
      }
      return answer(parsed.data);
    },
  };
}

const list = (what: string) => z.array(text(), { error: () => `must be a list of ${what}` });
const GOALS = ['equal', 'at_most', 'at_least'] as const satisfies readonly SeekGoal[];

const zooFields = {
  kind: text().optional().describe('hardware | models | grids | systems | scenarios (also clusters, nodes, fabrics, datasets); default: hardware and models'),
  category: text().optional(),
};
const { mode: _mode, ...servingFields } = scenarioFields;
const optimizeFields = {
  kind: text().describe('parallelism | batching | placement'), ...scenarioFields,
  sla_ms: num({ gt: 0 }).optional(), qps: num({ ge: 0 }).optional(), max_batch: num({ int: true, ge: 1 }).optional(),
  carbon_tax: num({ ge: 0 }).optional(), top: num({ int: true, ge: 1 }).optional(),
};
const sweepFields = {
  ...scenarioFields,
  axis: list('axes').describe('One or two axes, each CELL=START:STOP[:N][:log], e.g. scenario.batch_size=1:256:9:log (bounds may carry units)'),
  metric: list('cell ids').describe('Output cell ids to tabulate, e.g. ["compute.latency"]'),
};

/** The tools, in the CLI's help order. */
export const TOOLS: readonly McpTool[] = [
  tool('zoo', registerZoo, zooFields, (a) => zooAnswer(a.kind, a)),
  tool('eval', registerEval, { ...scenarioFields, all: z.boolean().optional() }, (a) => evalAnswer(sourceOf('eval', a), a)),
  tool('serve', registerServe, { ...servingFields, prefill_chunk_tokens: num({ int: true, ge: 1 }).optional() }, (a) => serveAnswer(sourceOf('serve', a))),
  tool('optimize', registerOptimize, optimizeFields, (a) => optimizeAnswer(a.kind, sourceOf('optimize', a), {
    slaMs: flagText(a.sla_ms), qps: flagText(a.qps), maxBatch: flagText(a.max_batch), carbonTax: flagText(a.carbon_tax), top: flagText(a.top),
  })),
  tool('sweep', registerSweep, sweepFields, (a) => sweepAnswer(sourceOf('sweep', a), { axis: a.axis, metric: a.metric })),
  tool('explain', registerExplain, { ...scenarioFields, cell: text().describe('The cell id to explain, e.g. compute.latency'), depth: num({ int: true, ge: 0 }).optional() },
    (a) => explainAnswer(sourceOf('explain', a), a.cell, { depth: flagText(a.depth) })),
  tool('sensitivity', registerSensitivity, { ...scenarioFields, metric: text().optional(), perturbation: num({ gt: 0, le: 0.5 }).optional() },
    (a) => sensitivityAnswer(sourceOf('sensitivity', a), { metric: a.metric, perturbation: flagText(a.perturbation) })),
  tool('seek', registerSeek, { ...scenarioFields, target: text(), vary: text(), goal: oneOf(GOALS).optional() }, (a) => seekAnswer(sourceOf('seek', a), { target: a.target, vary: a.vary, goal: a.goal })),
  tool('schema', registerSchema, { type: oneOf(SCHEMA_TYPES).optional().describe(`Document type: ${SCHEMA_TYPES.join(', ')} (default plan)`) }, (a) => schemaAnswer(a.type)),
  tool('validate', registerValidate, { category: oneOf(VALIDATION_CATEGORIES).optional(), split: oneOf(VALIDATION_SPLITS).optional() }, (a) => validateAnswer(a)),
  tool('calibrate', registerCalibrate, { ...scenarioFields, measured: text().describe('The measured cell and value, e.g. performance.latency=6.1ms'), fit: oneOf(['efficiency', 'bandwidth_efficiency'] as const).optional() }, (a) => calibrateAnswer(sourceOf('calibrate', a), { measured: a.measured, fit: a.fit })),
];
