/**
 * Node-only: read a Hugging Face `config.json` from disk and import it as a Model.
 * Kept out of the browser-safe barrel (index.ts) because it imports node:fs.
 */
import { readFile } from 'node:fs/promises';
import { modelFromHfConfig } from './hf-config.js';
import type { HfImportOptions } from './hf-config.js';
import type { Model } from './types.js';

/** Read `path` (a config.json) and import it. */
export async function modelFromHfConfigFile(path: string, options: HfImportOptions = {}): Promise<Model> {
  const text = await readFile(path, 'utf8');
  return modelFromHfConfig(text, options);
}
