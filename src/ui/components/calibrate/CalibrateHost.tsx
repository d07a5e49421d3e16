/**
 * Where the inspector mounts "Calibrate to a measurement": the section and the fit it runs
 * (src/scenario/calibrate.ts) load as their own chunk on first use (docs/performance.md §7c:
 * the first load is over its budget); until then the section says it is loading.
 */
import { type JSX, lazy, Suspense } from 'solid-js';
import type { WorkbenchStore } from '../../store/index.js';

const CalibrateSection = lazy(() => import('./CalibrateSection.jsx').then((m) => ({ default: m.CalibrateSection })));

export function CalibrateHost(props: { readonly store: WorkbenchStore; readonly id: string }): JSX.Element {
  return (
    <Suspense fallback={<div class="calibrate-section" data-calibrate-loading aria-busy="true" role="status">Loading calibration…</div>}>
      <CalibrateSection store={props.store} id={props.id} />
    </Suspense>
  );
}
