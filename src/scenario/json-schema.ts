/**
 * JSON Schema (draft 2020-12) for every document the tool reads, generated from the same zod
 * schemas that validate them (`mlsysim schema <type>`). Cross-field rules (min ≤ max,
 * divisible accelerator counts, catalogue ids) are checked by the loaders, not expressed here.
 */
import { z } from 'zod';
import { hardwareSchema, modelSchema } from '../registry/index.js';
import { planSchema } from './plan-schema.js';
import { scenarioSchema } from './schema.js';
import { workbookSchema } from './workbook.js';

export const SCHEMA_TYPES = ['plan', 'scenario', 'workbook', 'hardware', 'model'] as const;
export type SchemaType = (typeof SCHEMA_TYPES)[number];

const SCHEMAS = {
  plan: { schema: planSchema, title: 'mlsysim plan (mlsys.yaml)' },
  scenario: { schema: scenarioSchema, title: 'MLSys·im scenario' },
  workbook: { schema: workbookSchema, title: 'MLSys·im workbook' },
  hardware: { schema: hardwareSchema, title: 'Custom accelerator (catalogue hardware entry)' },
  model: { schema: modelSchema, title: 'Custom model (catalogue model entry)' },
} as const;

/** The JSON Schema of one document type, as a plain JSON-serialisable object. */
export function jsonSchemaFor(type: SchemaType): Record<string, unknown> {
  const { schema, title } = SCHEMAS[type];
  // io 'input': the document as written (before defaults); refinements are not representable.
  const out = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...out, title, $id: `https://mlsysim.dev/schema/${type}.json` };
}
