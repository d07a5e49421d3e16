/**
 * The report's roofline as one inline SVG string (physics.md §3.1): log-log axes in whole
 * decades, the roof min(peak·η, AI·BW·η_bw) as a polyline through the ridge, the slope the
 * step really sees when it differs (offload, SRAM), the ridge, and the operating point with a
 * dashed guide up to the roof above it (the gap is the overhead T_ov). The geometry and the
 * words are the workbench chart's (./roofline); only the pixels are drawn here. Presentation
 * attributes only, so the picture reads the same when copied out of the page.
 */
import { esc } from './report-format.js';
import {
  attainable, chartDescription, chartDomain, type ChartDomain, decadeTicks, flopsTickLabel, intensityTickLabel, pointTag,
  type Roof, type RooflineReading, ridgeIntensity, ridgeLabel, rooflinePolyline,
} from './roofline/index.js';

const WIDTH = 640;
const HEIGHT = 380;
const M = { left: 104, right: 24, top: 20, bottom: 56 } as const;
const PLOT_W = WIDTH - M.left - M.right;
const PLOT_H = HEIGHT - M.top - M.bottom;
const INK = '#16202c';
const MUTED = '#5b6776';
const GRID = '#e3e8ee';
const ROOF = '#1f6feb';
const POINT = '#c62828';

const px = (v: number): string => String(Math.round(v * 100) / 100);

/** One log axis: value → pixel. */
function logScale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): (v: number) => number {
  const l0 = Math.log10(d0);
  const span = Math.log10(d1) - l0;
  return (v) => r0 + ((Math.log10(v) - l0) / span) * (r1 - r0);
}

function axes(x: (v: number) => number, y: (v: number) => number, dom: ChartDomain): string[] {
  const out: string[] = [];
  for (const t of decadeTicks(dom.x[0], dom.x[1])) {
    out.push(`<line x1="${px(x(t))}" y1="${M.top}" x2="${px(x(t))}" y2="${M.top + PLOT_H}" stroke="${GRID}"/>`,
      `<text x="${px(x(t))}" y="${M.top + PLOT_H + 18}" text-anchor="middle" font-size="12" fill="${MUTED}">${esc(intensityTickLabel(t))}</text>`);
  }
  for (const t of decadeTicks(dom.y[0], dom.y[1])) {
    out.push(`<line x1="${M.left}" y1="${px(y(t))}" x2="${M.left + PLOT_W}" y2="${px(y(t))}" stroke="${GRID}"/>`,
      `<text x="${M.left - 8}" y="${px(y(t) + 4)}" text-anchor="end" font-size="12" fill="${MUTED}">${esc(flopsTickLabel(t))}</text>`);
  }
  out.push(`<rect x="${M.left}" y="${M.top}" width="${PLOT_W}" height="${PLOT_H}" fill="none" stroke="${MUTED}"/>`,
    `<text x="${M.left + PLOT_W / 2}" y="${HEIGHT - 12}" text-anchor="middle" font-size="13" fill="${INK}">arithmetic intensity (FLOP/B)</text>`,
    `<text transform="translate(16 ${M.top + PLOT_H / 2}) rotate(-90)" text-anchor="middle" font-size="13" fill="${INK}">attainable (FLOP/s)</text>`);
  return out;
}

/**
 * The roofline SVG of the reading (roof, effective roof, ridge and operating point when the
 * step has one). `device` names the roof in the title ("NVIDIA H100 SXM5 80GB").
 */
export function rooflineSvg(r: RooflineReading, device: string): string {
  const stepRoof = r.effective_roof ?? r.roof;
  const dom = chartDomain([r.roof, ...(r.effective_roof ? [r.effective_roof] : [])], r.point ? [r.point] : []);
  const x = logScale(dom.x, [M.left, M.left + PLOT_W]);
  const y = logScale(dom.y, [M.top + PLOT_H, M.top]);
  const line = (roof: Roof) => rooflinePolyline(roof, dom.x).map((p) => `${px(x(p.intensity))},${px(y(p.flops_per_s))}`).join(' ');
  const title = `Roofline of ${device}${r.precision ? ` at ${r.precision}` : ''}`;
  const body = [...axes(x, y, dom)];
  body.push(`<polyline data-roof points="${line(r.roof)}" fill="none" stroke="${ROOF}" stroke-width="3"/>`);
  if (r.effective_roof) {
    body.push(`<polyline data-effective-roof points="${line(r.effective_roof)}" fill="none" stroke="${ROOF}" stroke-width="2" stroke-dasharray="6 4"/>`);
  }
  const ridge = r.ridge_point ?? ridgeIntensity(stepRoof);
  const rx = px(x(ridge));
  body.push(`<line data-ridge x1="${rx}" y1="${px(y(stepRoof.ceiling_flops_per_s))}" x2="${rx}" y2="${M.top + PLOT_H}" stroke="${MUTED}" stroke-dasharray="4 4"/>`,
    `<text x="${px(x(ridge) + 6)}" y="${M.top + PLOT_H - 8}" font-size="12" fill="${MUTED}">${esc(ridgeLabel(ridge))}</text>`);
  if (r.point) {
    const cx = x(r.point.intensity);
    const cy = y(r.point.flops_per_s);
    const roofY = y(attainable(stepRoof, r.point.intensity));
    const left = cx > M.left + PLOT_W * 0.55;
    body.push(`<line x1="${px(cx)}" y1="${px(cy)}" x2="${px(cx)}" y2="${px(roofY)}" stroke="${POINT}" stroke-dasharray="3 3"/>`,
      `<circle data-point cx="${px(cx)}" cy="${px(cy)}" r="6" fill="${POINT}" stroke="#fff" stroke-width="2"/>`,
      `<text x="${px(cx + (left ? -10 : 10))}" y="${px(cy + 18)}" text-anchor="${left ? 'end' : 'start'}" font-size="12" fill="${INK}">${esc(pointTag(r.point))}</text>`);
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="roofline-title roofline-desc" font-family="system-ui, sans-serif">`,
    `<title id="roofline-title">${esc(title)}</title>`,
    `<desc id="roofline-desc">${esc(chartDescription(r, device))}</desc>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    ...body,
    '</svg>',
  ].join('\n');
}
