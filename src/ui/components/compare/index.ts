export type { CompareColumn, CompareRow, StatusRow } from './compare.js';
export { cellRows, compareColumns, deltaOf, differingOverrides, lensRows, metricRows, wallRows } from './compare.js';
export type { CompareTableProps, StatusLine } from './CompareTable.jsx';
export { CompareTable, deltaText, relativeText } from './CompareTable.jsx';
export type { CompareViewProps } from './CompareView.jsx';
export { CompareView } from './CompareView.jsx';
