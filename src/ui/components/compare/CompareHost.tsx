/**
 * Where the workbook bar mounts "Compare scenarios": the view, its tables and its CSV export
 * load as their own chunk when the dialog is first opened (docs/performance.md §7c: the first
 * load is over its budget); until then the dialog says it is loading.
 */
import { type JSX, lazy, Suspense } from 'solid-js';
import type { WorkbookSession } from '../../store/workbook-session.js';

const CompareView = lazy(() => import('./CompareView.jsx').then((m) => ({ default: m.CompareView })));

export function CompareHost(props: { readonly session: WorkbookSession }): JSX.Element {
  return (
    <Suspense fallback={<p class="compare-loading" role="status" aria-busy="true">Loading the comparison…</p>}>
      <CompareView session={props.session} />
    </Suspense>
  );
}
