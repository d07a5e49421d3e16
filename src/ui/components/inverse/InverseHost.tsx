/**
 * Where the left panel mounts the inverse solves: the panel, its searches and the library code
 * they run load as their own chunk just after the page's first render (docs/performance.md §7c:
 * the first load is over its budget), so the page does not wait for them.
 */
import { type JSX, lazy, Suspense } from 'solid-js';
import type { ScenarioStore } from '../../store/scenario-store.js';

const InversePanel = lazy(() => import('./InversePanel.jsx').then((m) => ({ default: m.InversePanel })));

export function InverseHost(props: { readonly store: ScenarioStore }): JSX.Element {
  return (
    <Suspense fallback={<section class="inverse-panel" aria-label="Inverse solves" aria-busy="true" />}>
      <InversePanel store={props.store} />
    </Suspense>
  );
}
