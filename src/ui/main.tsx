/** Entry point of the workbench page (index.html): the view from the URL, or the default workbook. */
import { render } from 'solid-js/web';
import { App } from './App.jsx';
import { decodeViewState } from './store/index.js';
import './styles.css';
import './workbench.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const { state, notice } = decodeViewState(location.hash);
render(() => <App initial={state} notice={notice} syncUrl />, root);
