export { ScorecardPanel } from './ScorecardPanel.jsx';
