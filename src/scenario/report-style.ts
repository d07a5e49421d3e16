/**
 * The report's inline style sheet: the workbench's ink, paper and verdict tones
 * (src/ui/styles.css, status.css), print-friendly, no web fonts.
 */
export const REPORT_CSS = `
:root {
  --ink: #16202c; --muted: #5b6776; --line: #c9d2dc; --paper: #f6f8fa; --card: #fff;
  --tone-pass: #1e7d32; --tone-pass-bg: #e6f4ea; --tone-warning: #b26a00; --tone-warning-bg: #fff4dc;
  --tone-fail: #c62828; --tone-fail-bg: #fdecea; --tone-error: #7b1fa2; --tone-error-bg: #f5e9f8;
  --tone-skipped: #5f6b78; --tone-skipped-bg: #eef1f4;
  font-family: system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', Roboto, sans-serif;
  font-size: 16px; line-height: 1.4; color: var(--ink); background: var(--paper);
}
* { box-sizing: border-box; }
body { margin: 0; }
header { background: var(--ink); color: #fff; padding: 16px 32px; }
header h1 { margin: 0; font-size: 1.5rem; }
header p { margin: 2px 0; color: #c8d3df; }
header .brand { font-weight: 700; color: #fff; letter-spacing: 0.02em; }
main { max-width: 1100px; margin: 0 auto; padding: 8px 24px 24px; }
section { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 12px 20px; margin: 16px 0; break-inside: avoid; }
h2 { font-size: 1.2rem; margin: 4px 0 10px; }
h3 { font-size: 1rem; margin: 14px 0 6px; }
code { font-family: ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 0.9em; }
.muted { color: var(--muted); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { font-size: 0.85rem; color: var(--muted); font-weight: 600; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.lenses { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 12px; }
.lens { border: 1px solid var(--line); border-left: 6px solid var(--tone); border-radius: 8px; padding: 8px 12px; }
.lens h3 { margin: 2px 0; display: flex; justify-content: space-between; align-items: center; }
.lens .level { margin: 0; color: var(--muted); font-size: 0.9rem; }
.lens .summary { margin: 4px 0; font-weight: 600; }
.metrics th { font-weight: 400; color: var(--muted); }
.metrics td { text-align: right; font-variant-numeric: tabular-nums; }
.reasons, .warnings { margin: 4px 0; padding-left: 20px; }
.err { color: var(--tone-error); }
.tone-pass { --tone: var(--tone-pass); --tone-bg: var(--tone-pass-bg); }
.tone-warning { --tone: var(--tone-warning); --tone-bg: var(--tone-warning-bg); }
.tone-fail { --tone: var(--tone-fail); --tone-bg: var(--tone-fail-bg); }
.tone-error { --tone: var(--tone-error); --tone-bg: var(--tone-error-bg); }
.tone-skipped { --tone: var(--tone-skipped); --tone-bg: var(--tone-skipped-bg); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 6px; background: var(--tone); color: #fff; font-size: 0.75rem; font-weight: 700; letter-spacing: 0.05em; }
.badge.tone-skipped { background: var(--tone-bg); color: var(--tone); border: 1px solid var(--tone); }
.board tr.is-binding td { background: #fff8d6; }
.binding { font-size: 0.8rem; color: var(--tone-warning); white-space: nowrap; }
.asserts { list-style: none; padding: 0; }
.asserts li { color: var(--tone); }
figure { margin: 0; }
figure svg { max-width: 100%; height: auto; }
figcaption ul { margin: 6px 0; padding-left: 20px; color: var(--muted); font-size: 0.9rem; }
.formula { color: var(--muted); font-family: ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 0.85em; }
.drivers li { margin: 2px 0; }
footer { max-width: 1100px; margin: 0 auto; padding: 0 24px 24px; color: var(--muted); font-size: 0.85rem; }
@media print { body { background: #fff; } header { color: var(--ink); background: #fff; } header p, header .brand { color: var(--muted); } section { border-color: #ddd; } }
`;
