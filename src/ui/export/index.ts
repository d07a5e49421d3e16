export { csvField, csvText, sweepCsv } from './csv.js';
export { downloadBlob, downloadText, safeFilename } from './download.js';
export { svgToPng } from './png.js';
export { standaloneSvg, svgSize, svgText } from './svg.js';
export { ExportButtons, type ExportButtonsProps } from './ExportButtons.jsx';
