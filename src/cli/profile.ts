/**
 * `--profile FILE`: a device profile written by `mlsysim calibrate --save` (JSON or YAML) applied
 * to a scenario as overrides of its fitted efficiency cells, below the command line's --set.
 * A profile of another device is refused; what it sets is said on stderr.
 */
import { existsSync, readFileSync } from 'node:fs';
import { type DeviceProfile, parseProfile, profileOverrides, ScenarioInputError } from '../scenario/index.js';
import { parseText } from '../scenario/yaml-text.js';
import { CliError } from './errors.js';

/** Reads and checks a profile file. */
export function readProfile(path: string): DeviceProfile {
  if (!existsSync(path)) throw new CliError('Missing file', `profile file '${path}' does not exist`);
  try {
    return parseProfile(parseText(readFileSync(path, 'utf8'), 'profile file', path));
  } catch (e) {
    if (e instanceof ScenarioInputError) throw new CliError('Invalid profile file', `${path}: ${e.message}`);
    throw e;
  }
}

/** The scenario's device id: a catalogue id, or the id of a custom device map. */
function deviceOf(scenario: Readonly<Record<string, unknown>>): string | undefined {
  const hw = scenario.hardware;
  if (typeof hw === 'string') return hw;
  return hw !== null && typeof hw === 'object' && typeof (hw as { id?: unknown }).id === 'string' ? (hw as { id: string }).id : undefined;
}

/** The profile's overrides for this scenario, and the line that says them. */
export function profileSets(path: string, scenario: Readonly<Record<string, unknown>>): { overrides: Record<string, number>; warning: string } {
  const profile = readProfile(path);
  const device = deviceOf(scenario);
  if (device === undefined) throw new CliError('Invalid profile file', `${path}: the scenario names no device to match the profile's ${profile.device}`);
  let overrides: Record<string, number>;
  try {
    overrides = profileOverrides(profile, device);
  } catch (e) {
    if (e instanceof ScenarioInputError) throw new CliError('Invalid profile file', `${path}: ${e.message}`);
    throw e;
  }
  const sets = Object.entries(overrides).map(([id, v]) => `${id} = ${Number(v.toPrecision(6))}`).join(', ');
  const m = profile.measurement;
  return { overrides, warning: `profile ${path}: ${sets} (fitted to ${m.cell} = ${m.text} on ${m.scenario})` };
}
