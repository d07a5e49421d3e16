/**
 * A change of the scenario's choices in words, for the head of its trace:
 * "Grid region: US_Avg → Quebec", "Model: Llama3_8B → Llama3_70B; Mode: default → training".
 */
import { DEFAULT_REGION, type FleetInput } from '../../scenario/index.js';
import { entryLabel, type ScenarioDesc } from './scenario-desc.js';

type ChoiceKey = 'model' | 'hardware' | 'system' | 'region' | 'mode' | 'opsDays';

const FIELDS: readonly { readonly key: ChoiceKey; readonly label: string; readonly none: string }[] = [
  { key: 'model', label: 'Model', none: '' },
  { key: 'hardware', label: 'Hardware', none: '' },
  { key: 'system', label: 'System', none: 'one device' },
  { key: 'region', label: 'Grid region', none: DEFAULT_REGION },
  { key: 'mode', label: 'Mode', none: 'default' },
  { key: 'opsDays', label: 'Ops days', none: 'none' },
];

/** "2 × H100", "4 nodes × 8 H100 (DGX_H100)". */
export function fleetText(fleet: FleetInput, device: string): string {
  const node = fleet.node ? ` (${fleet.node})` : '';
  return fleet.node_count > 1 ? `${fleet.node_count} nodes × ${fleet.accelerators_per_node} ${device}${node}` : `${fleet.accelerators_per_node} × ${device}${node}`;
}

function shown(d: ScenarioDesc, key: ChoiceKey, none: string): string {
  const v = d[key];
  // A fleet written as a map (the inverse panel's "GPUs needed", a document's fleet) is the system too.
  if (key === 'system' && (v === undefined || v === '') && d.extras?.fleet) return fleetText(d.extras.fleet, shown(d, 'hardware', ''));
  if (v === undefined || v === '') return none;
  return typeof v === 'object' ? entryLabel(v) : String(v);
}

/** The choices that differ between two descriptions, "Label: old → new" joined by "; " ('' when none does). */
export function describeChoices(before: ScenarioDesc, after: ScenarioDesc): string {
  const parts: string[] = [];
  for (const f of FIELDS) {
    const a = shown(before, f.key, f.none);
    const b = shown(after, f.key, f.none);
    if (a !== b) parts.push(`${f.label}: ${a} → ${b}`);
  }
  return parts.join('; ');
}
