export type { CompareColumn, CompareRow } from './compare.js';
export { cellRows, compareColumns, deltaOf, differingOverrides, lensRows, metricRows, wallRows } from './compare.js';
export { CompareTable, deltaText, relativeText } from './CompareTable.jsx';
export { CompareView } from './CompareView.jsx';
