/**
 * "Export report": downloads the scenario on screen as the self-contained HTML page that
 * `mlsysim eval … --output html` prints (src/scenario/report-html.ts: scenario, scorecard,
 * 22-wall board, roofline, the binding wall's causes). The renderer is loaded on the first
 * click, so the page's first load does not carry it; the offline copy precaches it.
 */
import { type Accessor, createSignal, type JSX, Show } from 'solid-js';
import type { BuiltScenario, Evaluation } from '../../../scenario/index.js';

interface ExportReportButtonProps {
  /** The evaluation shown (scorecard and board) … */
  readonly evaluation: Accessor<Evaluation>;
  /** … and the scenario it is of (the live graph: roofline and causes are read from it). */
  readonly built: Accessor<BuiltScenario>;
  readonly class?: string;
}

const helpers = () => Promise.all([import('../../../scenario/report-html.js'), import('../../export/download.js')]);

export function ExportReportButton(props: ExportReportButtonProps): JSX.Element {
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();
  const run = async () => {
    setBusy(true);
    try {
      const [{ reportHtml }, { downloadText, safeFilename }] = await helpers();
      const e = props.evaluation();
      downloadText(reportHtml(e, props.built()), safeFilename(`${e.scenario} report`, 'html'), 'text/html');
      setProblem(undefined);
    } catch (err) {
      setProblem(`The report could not be made: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        class={props.class}
        data-export-report
        disabled={busy()}
        onClick={() => void run()}
        title="Download this scenario as one HTML page: scorecard, 22-wall board, roofline and why the binding wall binds (opens without a network)"
      >
        Export report
      </button>
      <Show when={problem()}>
        <span class="export-report-problem" role="alert">{problem()}</span>
      </Show>
    </>
  );
}
