export { WallBoard } from './WallBoard.jsx';
export { bindingText, headlineText, tileDescription } from './tile-text.js';
