export type { ChartDomain, Roof, RooflinePoint } from './geometry.js';
export { attainable, chartDomain, decadeTicks, ridgeIntensity, rooflinePolyline } from './geometry.js';
export type { OperatingPoint, RooflineReading } from './reading.js';
export { readRoofline } from './reading.js';
export type { LegendEntry } from './text.js';
export {
  chartDescription, flopsTickLabel, intensityTickLabel, legendEntries, pointLabel, pointTag, ridgeLabel, roofText,
} from './text.js';
