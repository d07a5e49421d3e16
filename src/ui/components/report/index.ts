export { ExportReportButton } from './ExportReportButton.jsx';
