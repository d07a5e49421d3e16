export { sweepCsv } from './csv.js';
export { downloadBlob, downloadText, safeFilename } from './download.js';
export { svgToPng } from './png.js';
export { svgSize, svgText } from './svg.js';
export { ExportButtons } from './ExportButtons.jsx';
