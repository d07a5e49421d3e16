// @vitest-environment jsdom
/**
 * reportHtml(evaluation, built): one self-contained page — the scenario, the 3-lens scorecard,
 * the 22-wall board, the roofline as inline SVG with the operating point under the roof, and
 * why the binding wall binds — with every text escaped and nothing loaded from elsewhere.
 * (jsdom only parses the pages here: the renderer itself needs no DOM.)
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/scenario/index.js';
import { bindingCauses } from '../../src/scenario/report-causes.js';
import { esc } from '../../src/scenario/report-format.js';
import { reportHtml } from '../../src/scenario/report-html.js';

/** η = 0.5 and η_bw = 1 pinned, so the roof is the datasheet's: H100 989 TFLOP/s fp16 dense, 3.35 TB/s. */
const PINNED = { 'scenario.efficiency': 0.5, 'scenario.bandwidth_efficiency': 1 };
const inference = evaluate({ model: 'Llama3_8B', hardware: 'H100', overrides: PINNED });
const html = reportHtml(inference, inference.built);
const parse = (page: string): Document => new DOMParser().parseFromString(page, 'text/html');
const doc = parse(html);

/** "x1,y1 x2,y2 …" → [[x, y], …] */
const points = (s: string): [number, number][] => s.trim().split(/\s+/).map((p) => p.split(',').map(Number) as [number, number]);

/** The roof's y (pixels) at pixel x, by linear interpolation along its polyline (straight on log axes). */
function roofYAt(poly: [number, number][], x: number): number {
  for (let i = 1; i < poly.length; i++) {
    const [x0, y0] = poly[i - 1];
    const [x1, y1] = poly[i];
    if (x >= x0 && x <= x1) return y0 + ((x - x0) / (x1 - x0)) * (y1 - y0);
  }
  throw new Error(`x ${x} is outside the roof`);
}

describe('reportHtml: what the page holds', () => {
  it('names the scenario in the title and the heading', () => {
    expect(doc.title).toBe('MLSys·im report — Llama3_8B on H100');
    expect(doc.querySelector('[data-scenario-name]')?.textContent).toBe('Llama3_8B on H100');
  });

  it('lists the inputs set for the scenario', () => {
    const cells = [...doc.querySelectorAll('#scenario table.cells tr td:first-child')].map((td) => td.textContent);
    expect(cells).toEqual(['scenario.bandwidth_efficiency', 'scenario.efficiency']);
  });

  it('shows every lens with its status: Feasibility PASS (16 GB of weights in 80 GB), Macro SKIPPED (no ops)', () => {
    const lenses = Object.fromEntries([...doc.querySelectorAll('article.lens')].map((a) => [a.getAttribute('data-lens'), a.getAttribute('data-status')]));
    // 8.03e9 params × 2 B (fp16) = 16.06 GB, plus a 2,048-token KV cache of 32 × 2,048 × 2 B per token = 0.27 GB: far below 0.9 × 80 GB.
    expect(lenses.feasibility).toBe('PASS');
    // physics.md §11.4: without ops the Macro lens is SKIPPED.
    expect(lenses.macro).toBe('SKIPPED');
    expect(lenses.performance).toBe(inference.card.performance.status);
    for (const a of doc.querySelectorAll('article.lens')) expect(a.querySelector('.badge')?.textContent).toBe(a.getAttribute('data-status'));
  });

  it('has the 22-wall board: one row per wall, 1 to 22, the binding one marked', () => {
    const rows = [...doc.querySelectorAll('table.board tbody tr')];
    expect(rows.map((r) => Number(r.getAttribute('data-wall')))).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    // Batch-1 decode reads every weight once per token: AI ≈ 1 FLOP/B ≪ the ridge, so wall 2 (Memory) binds (§11.5).
    expect(rows.filter((r) => r.classList.contains('is-binding')).map((r) => r.getAttribute('data-wall'))).toEqual(['2']);
  });

  it('draws the roofline as inline SVG: the ridge at 989 TFLOP/s × 0.5 / 3.35 TB/s = 147.6 FLOP/B', () => {
    const svg = doc.querySelector('#roofline svg');
    expect(svg).not.toBeNull();
    expect(svg!.querySelector('title')?.textContent).toBe('Roofline of NVIDIA H100 SXM5 80GB at fp16');
    expect(svg!.textContent).toContain('ridge 147.6 FLOP/B');
    expect(doc.querySelector('#roofline figcaption')?.textContent).toContain('peak·η 494.5 TFLOP/s · BW·η_bw 3.35 TB/s');
  });

  it('puts the memory-bound operating point left of the ridge and on or under the roof', () => {
    const roof = points(doc.querySelector('#roofline [data-roof]')!.getAttribute('points')!);
    const ridgeX = Number(doc.querySelector('#roofline [data-ridge]')!.getAttribute('x1'));
    const dot = doc.querySelector('#roofline [data-point]')!;
    const [cx, cy] = [Number(dot.getAttribute('cx')), Number(dot.getAttribute('cy'))];
    expect(cx).toBeLessThan(ridgeX);
    // SVG y grows downwards: under the roof is a larger y. The gap is the launch overhead T_ov (< 10 % of T here).
    const roofY = roofYAt(roof, cx);
    expect(cy).toBeGreaterThanOrEqual(roofY - 0.01);
    expect(cy - roofY).toBeLessThan(5);
    // The roof's knee is the ridge.
    expect(roof[1][0]).toBeCloseTo(ridgeX, 1);
  });

  it('explains the binding wall: Memory, T_m = Q/(BW·η_bw), so bandwidth and η_bw have elasticity −1', () => {
    const section = doc.querySelector('#binding')!;
    expect(section.querySelector('h2')?.textContent).toMatch(/^Binding wall: 2 Memory, [\d.]+ % of the headline time$/);
    expect(section.textContent).toContain('memory.binding_part');
    const drivers = [...section.querySelectorAll('[data-driver]')].map((li) => li.getAttribute('data-driver'));
    expect(drivers).toContain('hardware.memory_bandwidth');
    expect(drivers).toContain('scenario.bandwidth_efficiency');
    const causes = bindingCauses(inference, inference.built.graph);
    if ('none' in causes) throw new Error(causes.none);
    // T_m ∝ 1/x for both, so E = −1, as the finite differences of graph/sensitivity.ts see it at h = 1 %:
    // central for the bandwidth, −1/(1 − h²); three-point one-sided for η_bw = 1 (its domain ends at 1),
    // (−3 + 4/(1 − h) − 1/(1 − 2h))/(−2h).
    const h = 0.01;
    const elasticity = (id: string) => causes.drivers.find((d) => d.id === id)?.elasticity;
    expect(elasticity('hardware.memory_bandwidth')).toBeCloseTo(-1 / (1 - h ** 2), 9);
    expect(elasticity('scenario.bandwidth_efficiency')).toBeCloseTo((-3 + 4 / (1 - h) - 1 / (1 - 2 * h)) / (-2 * h), 9);
    expect(causes.inputs.map((i) => i.id)).toEqual(['compute.t_compute', 'compute.t_memory', 'compute.bottleneck']);
  });
});

describe('reportHtml: self-contained and safe', () => {
  it('loads nothing: no script, no link, no src or href to another place, a CSP that forbids it', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/\b(?:src|href)\s*=/i);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe("default-src 'none'; style-src 'unsafe-inline'");
  });

  it('escapes every text: a scenario named with markup shows it as text', () => {
    const name = '<script>alert("x")</script> & <b>bold</b>';
    const e = evaluate({ name, model: 'Llama3_8B', hardware: 'H100' });
    const page = reportHtml(e, e.built, { warnings: ['<i>note</i>'] });
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<b>bold</b>');
    const d = parse(page);
    expect(d.querySelector('[data-scenario-name]')?.textContent).toBe(name);
    expect(d.querySelector('#scenario .warnings li')?.textContent).toBe('<i>note</i>');
  });

  it('esc replaces the five characters HTML gives meaning to', () => {
    expect(esc(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('reportHtml: other scenarios', () => {
  it('a training fleet with ops: 22 rows, Macro judged, the layout shown, Communication explained', () => {
    const e = evaluate({ model: 'Llama3_70B', hardware: 'H100', system: { node_count: 8, accelerators_per_node: 8 }, ops: { duration_days: 14 }, region: 'Quebec' });
    const d = parse(reportHtml(e, e.built));
    expect(d.querySelectorAll('table.board tbody tr')).toHaveLength(22);
    expect(d.querySelector('article[data-lens="macro"]')?.getAttribute('data-status')).not.toBe('SKIPPED');
    expect(d.querySelector('#scenario')?.textContent).toContain('8 × 8 = 64 accelerators');
    expect(d.querySelector('#scenario')?.textContent).toContain('Layout (auto)');
    expect(d.querySelector('#binding h2')?.textContent).toBe(`Binding wall: ${e.binding_wall} ${e.walls[e.binding_wall! - 1].name}, ${(e.binding_share! * 100).toPrecision(4).replace(/\.?0+$/, '')} % of the headline time`);
  });

  it('serving: no binding-part cells, so the cause is the request latency the wall dominates', () => {
    const e = evaluate({ model: 'Llama3_8B', hardware: 'H100', mode: 'serving' });
    const causes = bindingCauses(e, e.built.graph);
    if ('none' in causes) throw new Error(causes.none);
    expect(causes.part).toBe(false);
    expect(causes.cell.id).toBe('serving.request_latency');
  });

  it('offload (Llama-3-70B on one H100, §12.1): the slope the step sees is drawn dashed, with the ridge at its knee', () => {
    const e = evaluate({ model: 'Llama3_70B', hardware: 'H100', overrides: PINNED });
    const d = parse(reportHtml(e, e.built));
    const device = points(d.querySelector('#roofline [data-roof]')!.getAttribute('points')!);
    const effective = points(d.querySelector('#roofline [data-effective-roof]')!.getAttribute('points')!);
    const ridgeX = Number(d.querySelector('#roofline [data-ridge]')!.getAttribute('x1'));
    // Weights stream over the host link, slower than HBM: the same ceiling is reached further
    // right, so the step's ridge (compute.ridge_point = peak·η/(BW_eff·η_bw)) is the knee of the
    // dashed roof, right of the device's knee at 147.6 FLOP/B.
    expect(effective[1][0]).toBeCloseTo(ridgeX, 1);
    expect(device[1][0]).toBeLessThan(ridgeX);
    expect(effective[1][1]).toBeCloseTo(device[1][1], 1);
    const caption = d.querySelector('#roofline figcaption')!.textContent!;
    expect(caption).toContain('ridge 147.6 FLOP/B');
    expect(caption).toContain('dashed: effective bandwidth the step sees');
  });

  it('bad input still gives a page that says why (batch size 0)', () => {
    const e = evaluate({ model: 'Llama3_8B', hardware: 'H100', overrides: { 'scenario.batch_size': 0 } });
    expect(e.exit_code).toBe(1);
    const d = parse(reportHtml(e, e.built));
    expect(d.querySelector('#scorecard .err')?.textContent).toContain('batch_size');
    expect(d.querySelectorAll('table.board tbody tr')).toHaveLength(22);
  });
});
