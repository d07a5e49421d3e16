/** `mlsysim schema [--type T]`: the JSON Schema of a document type. */
import type { Command } from 'commander';
import { Option } from 'commander';
import { jsonSchemaFor, SCHEMA_TYPES, type SchemaType } from '../../scenario/index.js';
import { closestMatches } from '../../registry/index.js';
import { act, type Answer, type CliState, formatOf } from '../command.js';
import { CliError } from '../errors.js';
import { json, out } from '../output.js';

/** A document type by name, or a CliError naming the closest. */
function schemaType(type: string): SchemaType {
  if ((SCHEMA_TYPES as readonly string[]).includes(type)) return type as SchemaType;
  const near = closestMatches(type, SCHEMA_TYPES, 2);
  throw new CliError('Unknown schema type', `schema: unknown type '${type}'.${near.length ? ` Did you mean ${near.join(', ')}?` : ''} Types: ${SCHEMA_TYPES.join(', ')}`);
}

/** `schema [type]` (and the mcp tool schema): the JSON Schema of a document type (default plan). */
export function schemaAnswer(type: string | undefined): Answer {
  return { json: jsonSchemaFor(schemaType(type ?? 'plan')), code: 0 };
}

export function registerSchema(program: Command, state: CliState): void {
  program
    .command('schema')
    .summary('print the JSON Schema of a plan, scenario, workbook, hardware or model document')
    .description('The JSON Schema (draft 2020-12) of a document type, generated from the validators themselves.\n' +
      'Always JSON (markdown wraps it in a code block).')
    .argument('[type]', `document type (same as --type): ${SCHEMA_TYPES.join(', ')}`)
    .addOption(new Option('--type <type>', 'document type').choices([...SCHEMA_TYPES]))
    .addHelpText('after', `
Examples:
  $ mlsysim schema > schema.json
  $ mlsysim schema --type scenario
  $ mlsysim schema --type hardware --output json`)
    .action(act(state, (positional: string | undefined, opts: { type?: SchemaType }, self: Command) => {
      const format = formatOf(self);
      const schema = schemaAnswer(opts.type ?? positional);
      if (format === 'csv') throw new CliError('Bad flag value', '--output: schema prints text, json or markdown (not csv)');
      const text = json(schema.json);
      out(format === 'markdown' ? `\`\`\`json\n${text}\n\`\`\`` : text);
      return 0;
    }));
}
