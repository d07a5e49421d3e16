/** Entry point of the workbench page (index.html). */
import { render } from 'solid-js/web';
import { App } from './App.jsx';
import { rooflineExample } from './examples/index.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
render(() => <App example={rooflineExample} />, root);
