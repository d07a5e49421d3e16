/**
 * What the workbench describes: catalogue choices, mode, region, ops days and the overrides
 * typed so far. Plain JSON, so it travels in the URL and in the undo stack as it is.
 */
import type { Plain } from '../../graph/index.js';
import { MODES, type Scenario, type ScenarioMode } from '../../scenario/index.js';
import type { CustomHardware, CustomModel } from '../../scenario/index.js';

export interface ScenarioDesc {
  /** A catalogue id, or a custom model as pasted (the registry's raw spelling). */
  readonly model: string | CustomModel;
  readonly hardware: string | CustomHardware;
  /** A cluster or node id; absent = one device. */
  readonly system?: string;
  /** Absent = the scenario's default (inference for one device, training for a fleet). */
  readonly mode?: ScenarioMode;
  /** A grid id; absent = US_Avg. */
  readonly region?: string;
  /** Present = operations are described (activates the Macro lens; sets capital.duration). */
  readonly opsDays?: number;
  /** Input cell id → raw value (SI), the user's edits. */
  readonly overrides: Readonly<Record<string, Plain>>;
}

/** The default workbook: Llama3_8B on one H100, inference, batch 1. */
export const DEFAULT_DESC: ScenarioDesc = { model: 'Llama3_8B', hardware: 'H100', mode: 'inference', overrides: {} };

/** The scenario document for `buildScenario` (overrides are applied by the store). */
export function toScenario(desc: ScenarioDesc): Scenario {
  return {
    model: desc.model,
    hardware: desc.hardware,
    ...(desc.system ? { system: desc.system } : {}),
    ...(desc.mode ? { mode: desc.mode } : {}),
    ...(desc.region ? { region: desc.region } : {}),
    ...(desc.opsDays !== undefined ? { ops: { duration_days: desc.opsDays } } : {}),
  };
}

export function isMode(v: unknown): v is ScenarioMode {
  return typeof v === 'string' && (MODES as readonly string[]).includes(v);
}

/** "Llama3_8B", or the id of a custom entry with "(custom)". */
export function entryLabel(entry: string | { readonly id: string }): string {
  return typeof entry === 'string' ? entry : `${entry.id} (custom)`;
}
