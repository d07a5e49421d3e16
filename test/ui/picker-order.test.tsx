/**
 * The pickers put the exact match first (CatalogPicker `rankRows`) and keep the keyboard's
 * place: after Enter the focus stays in the field, the list closes and the new value is selected.
 */
import { cleanup, fireEvent, render } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { ScenarioControls } from '../../src/ui/components/controls/index.js';
import { systemRows } from '../../src/ui/components/controls/catalog-rows.js';
import { rankRows, type PickRow } from '../../src/ui/components/controls/CatalogPicker.jsx';
import { createScenarioStore, type ScenarioStore } from '../../src/ui/store/index.js';

let s: ScenarioStore | undefined;
afterEach(() => {
  cleanup();
  s?.dispose();
});

describe('rankRows(rows, query)', () => {
  const rows: PickRow[] = [
    { id: 'Big_H100_Cluster', name: 'A cluster', detail: 'node: H100_Node' },
    { id: 'H100_Node', name: 'Eight H100' },
    { id: 'X1', name: 'H100 lookalike' },
    { id: 'H100', name: 'NVIDIA H100' },
  ];

  it('orders the exact id, then ids starting with the query, then names starting with it, then the rest, each in catalogue order', () => {
    expect(rankRows(rows, 'h100').map((r) => r.id)).toEqual(['H100', 'H100_Node', 'X1', 'Big_H100_Cluster']);
  });

  it('keeps catalogue order without a query, and filters by every word', () => {
    expect(rankRows(rows, '').map((r) => r.id)).toEqual(['Big_H100_Cluster', 'H100_Node', 'X1', 'H100']);
    expect(rankRows(rows, 'eight h100').map((r) => r.id)).toEqual(['H100_Node']);
  });

  it('the System picker: "DGX_H100" finds the node DGX_H100 first, before the clusters built of it', () => {
    const hits = rankRows(systemRows(), 'DGX_H100');
    expect(hits[0].id).toBe('DGX_H100');
    expect(hits.length).toBeGreaterThan(1);
    expect(hits.slice(1).every((r) => r.id !== 'DGX_H100')).toBe(true);
  });
});

describe('CatalogPicker and the keyboard', () => {
  it('Enter picks the first match, keeps the focus in the field and selects its new value', () => {
    s = createScenarioStore();
    const { container } = render(() => <ScenarioControls store={s!} />);
    const field = container.querySelector<HTMLInputElement>('[data-picker="region"] input')!;
    field.focus();
    fireEvent.focus(field);
    field.value = 'Quebec';
    fireEvent.input(field);
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(s.desc().region).toBe('Quebec');
    expect(document.activeElement).toBe(field);
    expect(field.getAttribute('aria-expanded')).toBe('false');
    expect(field.value).toBe('Quebec');
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, 'Quebec'.length]);
    // ArrowDown opens the list again without leaving the field.
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    expect(field.getAttribute('aria-expanded')).toBe('true');
  });
});
