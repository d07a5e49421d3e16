export { InversePanel } from './InversePanel.jsx';
export { amountText, answerWords, applyPlan, QUESTIONS } from './inverse.js';
export { BATCH_RANGE, batchWithinItl, itlCell } from './batch-itl.js';
