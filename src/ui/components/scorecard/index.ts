export type { ScorecardPanelProps } from './ScorecardPanel.jsx';
export { ScorecardPanel } from './ScorecardPanel.jsx';
