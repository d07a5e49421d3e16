/**
 * Whether the inspector offers "Calibrate to a measurement" for a cell: the page decides this
 * at once, while the section itself (CalibrateSection, with the fit in src/scenario/calibrate.ts)
 * loads on first use (CalibrateHost.tsx).
 */
import type { WorkbenchStore } from '../../store/index.js';

/** The cells calibration needs: a full scenario graph has them, a hand-made one may not. */
const NEEDS = ['scenario.device', 'scenario.efficiency', 'scenario.bandwidth_efficiency', 'software.efficiency_effective'];

export const canCalibrate = (store: WorkbenchStore, id: string): boolean => {
  const g = store.graph;
  if (!NEEDS.every((n) => g.has(n)) || g.def(id).kind !== 'derived') return false;
  const v = store.value(id);
  return v.ok && typeof v.value === 'number' && Number.isFinite(v.value) && v.value > 0;
};
