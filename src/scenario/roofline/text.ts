/**
 * The words of a roofline, the workbench chart's and the HTML report's alike: axis tick
 * labels, legend entries, the point's label and the accessible description, from the reading
 * alone (so tests can check them without a DOM).
 */
import { formatNumber, formatQuantity } from '../../graph/index.js';
import { attainable, type Roof, ridgeIntensity } from './geometry.js';
import type { OperatingPoint, RooflineReading } from './reading.js';

export interface LegendEntry {
  readonly kind: 'device' | 'effective' | 'compare' | 'point';
  readonly text: string;
}

const flops = (v: number): string => formatQuantity(v, 'FLOP/s', 4);
const bytes = (v: number): string => formatQuantity(v, 'B/s', 4);
const intensity = (v: number): string => `${formatNumber(v, 4)} FLOP/B`;

/** "0.1", "1", "1,000" (FLOP/B, the unit is in the axis title). */
export function intensityTickLabel(v: number): string {
  return formatNumber(v, 3);
}

/** "100 TFLOP/s", "1 PFLOP/s". */
export function flopsTickLabel(v: number): string {
  return formatQuantity(v, 'FLOP/s', 3);
}

/** "peak·η 494.5 TFLOP/s · BW·η_bw 3.35 TB/s · ridge 147.6 FLOP/B" */
export function roofText(roof: Roof): string {
  return `peak·η ${flops(roof.ceiling_flops_per_s)} · BW·η_bw ${bytes(roof.slope_bytes_per_s)} · ridge ${intensity(ridgeIntensity(roof))}`;
}

export function ridgeLabel(ridge: number): string {
  return `ridge ${intensity(ridge)}`;
}

/** "Memory-bound · AI 1.049 FLOP/B · 3.292 TFLOP/s" */
export function pointLabel(p: OperatingPoint): string {
  const bound = p.bottleneck === 'unknown' ? '' : `${p.bottleneck}-bound · `;
  return `${bound}AI ${intensity(p.intensity)} · ${flops(p.flops_per_s)}`;
}

/** The short tag beside the point on the chart: "AI 1.049 FLOP/B · 3.292 TFLOP/s" (the legend says the bound). */
export function pointTag(p: OperatingPoint): string {
  return `AI ${intensity(p.intensity)} · ${flops(p.flops_per_s)}`;
}

export function legendEntries(r: RooflineReading, device: string, compare?: { readonly label: string; readonly roof: Roof }): LegendEntry[] {
  const precision = r.precision ? ` (${r.precision})` : '';
  const out: LegendEntry[] = [{ kind: 'device', text: `${device}${precision}: ${roofText(r.roof)}` }];
  if (r.effective_roof) {
    out.push({ kind: 'effective', text: `effective bandwidth the step sees: ${bytes(r.effective_roof.slope_bytes_per_s)} (memory.effective_bandwidth·η_bw)` });
  }
  if (compare) out.push({ kind: 'compare', text: `${compare.label}${precision}, same η: ${roofText(compare.roof)}` });
  if (r.point) out.push({ kind: 'point', text: `operating point: ${pointLabel(r.point)}` });
  return out;
}

/** One paragraph for <desc>: the roof, the ridge and where the step sits under it. */
export function chartDescription(r: RooflineReading, device: string): string {
  const parts = [`Log-log roofline of ${device}${r.precision ? ` at ${r.precision}` : ''}: ${roofText(r.roof)}.`];
  const p = r.point;
  if (p) {
    const roof = r.effective_roof ?? r.roof;
    parts.push(`Operating point: ${pointLabel(p)}, under an attainable ${flops(attainable(roof, p.intensity))}.`);
  } else if (r.point_error) {
    parts.push(`No operating point: ${r.point_error}.`);
  }
  return parts.join(' ');
}
