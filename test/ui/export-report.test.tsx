/**
 * "Export report" downloads the scenario on screen as the report page `mlsysim eval … --output
 * html` prints: the same renderer, the live graph as edited.
 */
import { cleanup, fireEvent, render } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildScenario, evaluateBuilt } from '../../src/scenario/index.js';
import { reportHtml } from '../../src/scenario/report-html.js';
import { ExportReportButton } from '../../src/ui/components/report/index.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** A blob's text (jsdom's Blob has no text()). */
const textOf = (b: Blob) => new Promise<string>((ok) => {
  const r = new FileReader();
  r.onload = () => ok(String(r.result));
  r.readAsText(b);
});

/** Captures what the page offers as downloads. */
function captureDownloads(): { blobs: Blob[]; names: string[] } {
  const blobs: Blob[] = [];
  const names: string[] = [];
  Object.assign(URL, { createObjectURL: (b: Blob) => (blobs.push(b), 'blob:test'), revokeObjectURL: () => {} });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names };
}

describe('ExportReportButton', () => {
  it('downloads <scenario>_report.html: the CLI’s page for the graph as edited (batch 64)', async () => {
    const built = buildScenario({ model: 'Llama3_8B', hardware: 'H100' });
    built.graph.set('scenario.batch_size', 64);
    const [evaluation] = createSignal(evaluateBuilt(built));
    const { blobs, names } = captureDownloads();
    const { container } = render(() => <ExportReportButton evaluation={evaluation} built={() => built} />);
    const button = container.querySelector<HTMLButtonElement>('[data-export-report]')!;
    expect(button.textContent).toBe('Export report');
    fireEvent.click(button);
    await vi.waitFor(() => expect(names).toHaveLength(1));
    expect(names).toEqual(['Llama3_8B_on_H100_report.html']);
    expect(blobs[0].type).toBe('text/html');
    const page = await textOf(blobs[0]);
    expect(page).toBe(reportHtml(evaluation(), built));
    const doc = new DOMParser().parseFromString(page, 'text/html');
    expect(doc.querySelector('[data-scenario-name]')?.textContent).toBe('Llama3_8B on H100');
    expect([...doc.querySelectorAll('#scenario table.cells td:first-child')].map((td) => td.textContent)).toEqual(['scenario.batch_size']);
    expect(doc.querySelectorAll('table.board tbody tr')).toHaveLength(22);
    // The export leaves the graph as it was (the causes' elasticities run on scratch values).
    expect(built.graph.value('scenario.batch_size')).toBe(64);
  });
});
