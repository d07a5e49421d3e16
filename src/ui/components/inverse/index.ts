export { InversePanel } from './InversePanel.jsx';
export { amountText, answerWords, applyPlan, QUESTIONS } from './inverse.js';
