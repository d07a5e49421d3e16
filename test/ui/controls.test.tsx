import { cleanup, fireEvent, render } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkCustomEntry, KeyInputs, ScenarioControls, templateFor } from '../../src/ui/components/controls/index.js';
import { createScenarioStore, type ScenarioStore } from '../../src/ui/store/index.js';

let s: ScenarioStore;
beforeEach(() => {
  s = createScenarioStore();
});
afterEach(() => {
  cleanup();
  s.dispose();
});

function pick(root: HTMLElement, picker: string, query: string, id: string): void {
  const field = root.querySelector<HTMLInputElement>(`[data-picker="${picker}"] input`)!;
  fireEvent.focus(field);
  field.value = query;
  fireEvent.input(field);
  fireEvent.click(root.querySelector(`[data-picker="${picker}"] [data-option="${id}"]`)!);
}

describe('ScenarioControls', () => {
  it('the pickers search the catalogue and rebuild the scenario with the choice', () => {
    const { container } = render(() => <ScenarioControls store={s} />);
    const field = container.querySelector<HTMLInputElement>('[data-picker="model"] input')!;
    expect(field.value).toBe('Llama3_8B');
    fireEvent.focus(field);
    field.value = 'llama 70';
    fireEvent.input(field);
    const options = [...container.querySelectorAll('[data-picker="model"] [data-option]')].map((o) => o.getAttribute('data-option'));
    expect(options).toContain('Llama3_70B');
    expect(options).not.toContain('GPT4');
    fireEvent.click(container.querySelector('[data-option="Llama3_70B"]')!);
    expect(s.built().name).toBe('Llama3_70B on H100');
    pick(container, 'hardware', 'a100', 'A100');
    expect(s.built().name).toBe('Llama3_70B on A100');
    pick(container, 'region', 'quebec', 'Quebec');
    expect(s.desc().region).toBe('Quebec');
    pick(container, 'system', '', '');
    expect(s.desc().system).toBeUndefined();
  });

  it('mode and ops days rebuild; bad ops days are refused with a message', () => {
    const { container } = render(() => <ScenarioControls store={s} />);
    const mode = container.querySelector<HTMLSelectElement>('[data-mode]')!;
    mode.value = 'serving';
    fireEvent.change(mode);
    expect(s.evaluation().mode).toBe('serving');
    const days = container.querySelector<HTMLInputElement>('[data-ops-days]')!;
    days.value = '-3';
    fireEvent.change(days);
    expect(container.querySelector('.control-problem')!.textContent).toBe('ops days must be a number > 0 (got -3)');
    days.value = '30';
    fireEvent.change(days);
    expect(s.built().graph.value('capital.duration')).toBe(30 * 86400);
  });

  it('a pasted custom model is checked field by field, then used', async () => {
    const bad = await checkCustomEntry('model', 'id: Tiny\nparams: -5\nlayers: 2.5');
    expect(bad.entry).toBeUndefined();
    expect(bad.problems.some((p) => p.startsWith('model.params'))).toBe(true);
    expect((await checkCustomEntry('model', '{ not: [valid')).problems[0]).toMatch(/^model is not valid JSON or YAML: /);

    const { container } = render(() => <ScenarioControls store={s} />);
    fireEvent.click(container.querySelector('[data-custom-entry]')!);
    const text = container.querySelector<HTMLTextAreaElement>('[data-custom-text]')!;
    text.value = 'id: Tiny\nparams: -5';
    fireEvent.input(text);
    fireEvent.click(container.querySelector('[data-custom-use]')!);
    // The check loads the text reader on first use, so its answer arrives after the click.
    await vi.waitFor(() => expect(container.querySelector('.custom-problems')?.textContent).toContain('model.params'));

    text.value = templateFor('model', 'Llama3_8B').replace('"layers": 32', '"layers": 16');
    fireEvent.input(text);
    fireEvent.click(container.querySelector('[data-custom-use]')!);
    await vi.waitFor(() => expect(container.querySelector('.custom-entry')).toBeNull());
    expect(s.built().name).toBe('My_Llama3_8B on H100');
    expect(s.built().graph.value('workload.layers')).toBe(16);
  });
});

describe('KeyInputs', () => {
  it('edits the key cells; a value outside the domain shows its message and the rest keeps working', () => {
    const { container } = render(() => <KeyInputs store={s.workbench()} />);
    const ids = [...container.querySelectorAll('[data-key-input]')].map((e) => e.getAttribute('data-key-input'));
    expect(ids).toEqual(['scenario.batch_size', 'scenario.precision', 'scenario.efficiency', 'scenario.context_len', 'capital.duration']);
    const eta = container.querySelector<HTMLInputElement>('[data-key-input="scenario.efficiency"] input')!;
    eta.value = '1.5';
    fireEvent.keyDown(eta, { key: 'Enter' });
    expect(container.querySelector('[data-key-input="scenario.efficiency"] .key-problem')!.textContent).toBe(
      'scenario.efficiency must be a number in (0, 1] (got 1.5)',
    );
    expect(s.evaluation().card.feasibility.status).toBe('PASS');
    const precision = container.querySelector<HTMLSelectElement>('[data-key-input="scenario.precision"] select')!;
    precision.value = 'fp8';
    fireEvent.change(precision);
    expect(s.built().graph.value('scenario.precision')).toBe('fp8');
    expect(s.desc().overrides).toEqual({ 'scenario.efficiency': 1.5, 'scenario.precision': 'fp8' });
  });

  it('a bare number read as an implausible SI value is kept and marked with the likely intent', () => {
    const { container } = render(() => <KeyInputs store={s.workbench()} />);
    const days = container.querySelector<HTMLInputElement>('[data-key-input="capital.duration"] input')!;
    days.value = '14';
    fireEvent.keyDown(days, { key: 'Enter' });
    expect(s.built().graph.value('capital.duration')).toBe(14); // read in SI: 14 s
    expect(container.querySelector('[data-key-input="capital.duration"] [data-input-notice]')!.textContent)
      .toMatch(/^capital\.duration=14 read as 14 s — did you mean 14 days\?/);
    days.value = '14 days';
    fireEvent.keyDown(days, { key: 'Enter' });
    expect(s.built().graph.value('capital.duration')).toBe(14 * 86400);
    expect(container.querySelector('[data-key-input="capital.duration"] [data-input-notice]')).toBeNull();
  });

  it('shows the parallelism layout in training', () => {
    s.choose({ system: 'DGX_H100', mode: 'training' });
    const { container } = render(() => <KeyInputs store={s.workbench()} />);
    expect(container.querySelector('[data-key-input="communication.tp"]')).not.toBeNull();
  });
});
