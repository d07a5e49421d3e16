/**
 * Pinned cells in the workbench: a derived cell pinned from the inspector (its formula set
 * aside, the value edited like an input, a pin mark and the warning), the cells downstream
 * following it, the pin kept in the description, the URL, the workbook file and share link,
 * undo, and unpin restoring the formula.
 *
 * Hand derivation (as in test/cli/pins.test.ts): Llama3_8B on one H100, decode at B = 1,
 * x = 2048, with η_bw set to 1: Q = 16 060 000 000 + 2048·131 072 = 16 328 435 456 B,
 * T_ov = 10 µs + 32·10 µs, T_c ≈ 35 µs < T_m, so latency = Q/BW + 330 µs: 5.204159837611940 ms
 * at the device's 3.35 TB/s, 8.494217728 ms with the effective bandwidth pinned to 2 TB/s.
 */
import { cleanup, fireEvent, render } from '@solidjs/testing-library';
import { Show } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeWorkbook, encodeWorkbook, readWorkbookJson, workbookToJson } from '../../src/persist/index.js';
import { workbookSchema } from '../../src/scenario/index.js';
import { Inspector } from '../../src/ui/components/Inspector.jsx';
import { PinActionsContext } from '../../src/ui/components/pin/context.js';
import {
  createScenarioStore, decodeViewState, DEFAULT_DESC, encodeViewState, fromScenario, newWorkbook, type ScenarioStore, toScenarioDocument,
} from '../../src/ui/store/index.js';

const Q = 16_328_435_456;
const latencyMs = (bw: number) => (Q / bw + 330e-6) * 1e3;
const BW = 'memory.effective_bandwidth';
const latency = (s: ScenarioStore) => s.evaluation().card.performance.metrics.latency?.value as number;
const close = (got: number, want: number) => expect(Math.abs(got / want - 1)).toBeLessThan(1e-12);

/** The default workbook with η_bw = 1 (so T_m = Q/BW exactly, whatever the device class's default). */
const ETA1 = { desc: { ...DEFAULT_DESC, overrides: { 'scenario.bandwidth_efficiency': 1 } } };
let stores: ScenarioStore[] = [];
const store = (s = createScenarioStore({ initial: ETA1 })) => (stores.push(s), s);
afterEach(() => {
  cleanup();
  for (const s of stores) s.dispose();
  stores = [];
});

describe('pinning a derived cell in the store', () => {
  it('pins at the current value, then an edit of the pinned value reaches the latency (traced)', () => {
    const s = store();
    close(latency(s), latencyMs(3.35e12));
    expect(s.pin(BW).ok).toBe(true);
    expect(s.built().graph.isPinned(BW)).toBe(true);
    expect(s.desc().pins).toEqual({ [BW]: 3.35e12 });
    close(latency(s), latencyMs(3.35e12));
    const out = s.workbench().commitInput(BW, '2 TB/s');
    expect(out.accepted).toBe(true);
    close(latency(s), latencyMs(2e12));
    expect(s.desc().pins).toEqual({ [BW]: 2e12 });
    const trace = s.workbench().trace()!;
    expect(trace.edited).toEqual([BW]);
    expect(trace.entries.map((e) => e.id)).toContain('compute.t_memory');
    const v = s.built().graph.get(BW);
    expect(v.ok && v.warnings[0]).toMatch(/^pinned to 2000000000000: its formula \(BW_eff = /);
  });

  it('an upstream edit no longer reaches a pinned cell; unpin restores the formula', () => {
    const s = store();
    s.pin(BW, 2e12);
    s.setInput('hardware.memory_bandwidth', 4e12);
    close(latency(s), latencyMs(2e12));
    expect(s.unpin(BW).ok).toBe(true);
    expect(s.built().graph.isPinned(BW)).toBe(false);
    expect(s.desc().pins).toBeUndefined();
    close(latency(s), latencyMs(4e12));
    expect(s.workbench().trace()!.cause).toMatch(/^Unpinned Effective/);
  });

  it('undo takes the pin back, redo puts it again', () => {
    const s = store();
    s.pin(BW, 2e12);
    s.undo();
    expect(s.built().graph.isPinned(BW)).toBe(false);
    close(latency(s), latencyMs(3.35e12));
    s.redo();
    close(latency(s), latencyMs(2e12));
    s.workbench().commitInput(BW, '1 TB/s');
    close(latency(s), latencyMs(1e12));
    s.undo();
    close(latency(s), latencyMs(2e12));
  });
});

describe('pins are kept', () => {
  it('in the URL: a view state with a pin opens pinned', () => {
    const s = store();
    s.pin(BW, 2e12);
    const decoded = decodeViewState(encodeViewState(s.viewState()));
    expect(decoded.notice).toBeUndefined();
    expect(decoded.state.desc.pins).toEqual({ [BW]: 2e12 });
    close(latency(store(createScenarioStore({ initial: decoded.state }))), latencyMs(2e12));
  });

  it('in the workbook: the scenario document holds `pins`, and a .json file and a share link keep them', async () => {
    const s = store();
    s.pin(BW, 2e12);
    const doc = toScenarioDocument(s.desc());
    expect(doc.pins).toEqual({ [BW]: 2e12 });
    const wb = newWorkbook(doc, { name: 'Pins', scenarioName: 'pinned' });
    expect(workbookSchema.safeParse(wb).success).toBe(true);
    const file = readWorkbookJson(workbookToJson(wb));
    const link = await decodeWorkbook(await encodeWorkbook(wb));
    for (const back of [file.workbook, link]) {
      const desc = fromScenario(back.scenarios[0].scenario);
      expect(desc.pins).toEqual({ [BW]: 2e12 });
      close(latency(store(createScenarioStore({ initial: { desc } }))), latencyMs(2e12));
    }
  });

  it('a pin written with a unit in a document is read for the cell; a pin on no derived cell is dropped and said', () => {
    const desc = fromScenario({ model: 'Llama3_8B', hardware: 'H100', overrides: { 'scenario.bandwidth_efficiency': 1 }, pins: { [BW]: '2 TB/s', 'hardware.memory_bandwidth': 1 } });
    const s = store(createScenarioStore({ initial: { desc } }));
    close(latency(s), latencyMs(2e12));
    expect(s.desc().pins).toEqual({ [BW]: 2e12 });
    expect(s.notices().join('\n')).toMatch(/hardware\.memory_bandwidth/);
  });
});

describe('the inspector pins a derived cell', () => {
  it('Pin this value → a pin mark, an editable value, the warning; Unpin → the formula again', () => {
    const s = store();
    s.selectCell(BW);
    // The inspector follows the workbench (a pin rebuilds the graph), as App.tsx shows it.
    const { container: root } = render(() => (
      <PinActionsContext.Provider value={{ pin: (id) => void s.pin(id), unpin: (id) => void s.unpin(id) }}>
        <Show when={s.workbench()} keyed>
          {(wb) => <Inspector store={wb} />}
        </Show>
      </PinActionsContext.Provider>
    ));
    expect(root.querySelector(`[data-pinned="${BW}"]`)).toBeNull();
    fireEvent.click(root.querySelector(`[data-pin="${BW}"]`)!);
    expect(root.querySelector(`[data-pinned="${BW}"]`)!.textContent).toMatch(/Pinned: the formula is set aside/);
    expect(root.querySelector('.message.warning')!.textContent).toMatch(/^pinned to 3350000000000: its formula/);
    const field = root.querySelector<HTMLInputElement>(`[data-input="${BW}"]`)!;
    expect(field.value).toBe('3.35 TB/s');
    field.value = '2 TB/s';
    fireEvent.change(field);
    close(latency(s), latencyMs(2e12));
    fireEvent.click(root.querySelector(`[data-unpin="${BW}"]`)!);
    expect(s.built().graph.isPinned(BW)).toBe(false);
    close(latency(s), latencyMs(3.35e12));
  });
});
