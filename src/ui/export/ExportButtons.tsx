/**
 * Export buttons for a chart: SVG (the standalone copy), PNG (drawn from it at 2×) and, when
 * the chart has a table behind it, CSV. Files are named after the chart; a failure is said
 * in words beside the buttons. The export code loads on the first click (its own chunk), so
 * the page does not carry it until someone exports.
 */
import { createSignal, type JSX, Show } from 'solid-js';

const helpers = () => Promise.all([import('./download.js'), import('./png.js'), import('./svg.js')])
  .then(([download, png, svg]) => ({ ...download, ...png, ...svg }));

interface ExportButtonsProps {
  /** The chart to export (undefined while there is none). */
  readonly svg: () => SVGSVGElement | undefined;
  /** File name without extension. */
  readonly name: string;
  /** The chart's data as CSV text, when it has a table. */
  readonly csv?: () => string | undefined;
  /** What the buttons export, for their labels ("roofline"). */
  readonly what?: string;
}

export function ExportButtons(props: ExportButtonsProps): JSX.Element {
  const [problem, setProblem] = createSignal<string>();
  const what = () => props.what ?? 'chart';
  type Helpers = Awaited<ReturnType<typeof helpers>>;
  const run = async (fn: (h: Helpers) => void | Promise<void>) => {
    try {
      setProblem(undefined);
      await fn(await helpers());
    } catch (e) {
      setProblem(`export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const withSvg = (fn: (svg: SVGSVGElement, h: Helpers) => void | Promise<void>) => () => {
    const svg = props.svg();
    if (!svg) return setProblem(`there is no ${what()} to export yet`);
    return run((h) => fn(svg, h));
  };
  return (
    <div class="export-buttons" role="group" aria-label={`Export the ${what()}`}>
      <Show when={props.csv}>
        {(csv) => (
          <button
            type="button"
            data-export="csv"
            onClick={() => {
              const text = csv()();
              if (text === undefined) setProblem('there is no table to export yet');
              else void run((h) => h.downloadText(text, h.safeFilename(props.name, 'csv'), 'text/csv;charset=utf-8'));
            }}
          >
            CSV
          </button>
        )}
      </Show>
      <button type="button" data-export="svg" title={`Download the ${what()} as SVG`} onClick={withSvg((s, h) => h.downloadText(h.svgText(s), h.safeFilename(props.name, 'svg'), 'image/svg+xml'))}>
        SVG
      </button>
      <button type="button" data-export="png" title={`Download the ${what()} as PNG`} onClick={withSvg(async (s, h) => h.downloadBlob(await h.svgToPng(s), h.safeFilename(props.name, 'png')))}>
        PNG
      </button>
      <Show when={problem()}>{(m) => <span class="message error" role="alert">{m()}</span>}</Show>
    </div>
  );
}
