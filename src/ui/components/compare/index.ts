export type { CompareColumn, CompareRow } from './compare.js';
export { cellRows, compareColumns, deltaOf, differingOverrides, lensRows, metricRows, wallRows } from './compare.js';
export { CompareTable, deltaText, relativeText } from './CompareTable.jsx';
export { CompareView } from './CompareView.jsx';
export type { CsvSection, CsvStatusRow } from './compare-csv.js';
export { compareCsv } from './compare-csv.js';
