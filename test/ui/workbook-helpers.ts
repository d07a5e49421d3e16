/** Shared fixtures of the workbook tests: a session over a scenario store and a stand-in sweep store, in a Solid root. */
import { createRoot, createSignal } from 'solid-js';
import type { KeyValueBackend } from '../../src/persist/index.js';
import type { ScenarioSweep, Workbook } from '../../src/scenario/index.js';
import { createScenarioStore, type ScenarioStore } from '../../src/ui/store/index.js';
import { createWorkbookSession, type SweepSpecs, type WorkbookSession } from '../../src/ui/store/workbook-session.js';

export { freshIndexedDb } from '../persist/helpers.js';

export interface Mounted {
  readonly session: WorkbookSession;
  readonly scenario: ScenarioStore;
  readonly sweeps: SweepSpecs;
  /** Flushes the autosave and disposes the root. */
  close(): Promise<void>;
}

export function mountSession(options: { hash?: string; backend?: KeyValueBackend } = {}): Mounted {
  return createRoot((dispose) => {
    const scenario = createScenarioStore();
    const [specs, setSpecs] = createSignal<readonly ScenarioSweep[]>([]);
    const sweeps: SweepSpecs = { specs, setSpecs };
    const session = createWorkbookSession({ scenario, sweeps, hash: options.hash, backend: options.backend, autosaveMs: 5 });
    return {
      session, scenario, sweeps,
      async close() {
        await session.dispose();
        scenario.dispose();
        dispose();
      },
    };
  });
}

/** A session started on the current IndexedDB. */
export async function started(options: { hash?: string; backend?: KeyValueBackend } = {}): Promise<Mounted> {
  const m = mountSession(options);
  await m.session.start();
  return m;
}

export const batchOf = (wb: Workbook | undefined, scenarioId = wb?.active_scenario_id): unknown =>
  wb?.scenarios.find((s) => s.id === scenarioId)?.scenario.overrides?.['scenario.batch_size'];
