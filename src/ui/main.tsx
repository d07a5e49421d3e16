/**
 * Entry point of the workbench page (index.html). The hash may carry the view (`v=`), the
 * workbook and scenario it belongs to (`w=`, `s=`) and a shared workbook (`wb=`, imported as
 * a new workbook once the page is up and then dropped from the URL); see store/url-hash.ts.
 * After the first render the service worker is registered (after the load event): it keeps the
 * page for offline use and reports a newer build (components/offline).
 */
/// <reference types="vite-plugin-pwa/client" />
import { render } from 'solid-js/web';
import { registerSW } from 'virtual:pwa-register';
import { App } from './App.jsx';
import { createOfflineState, OfflineStatus } from './components/offline/index.js';
import { decodeViewState } from './store/index.js';
import { splitHash } from './store/url-hash.js';
import './styles.css';
import './workbench.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const startHash = location.hash;
const { state, notice } = decodeViewState(splitHash(startHash).view);
render(() => <App initial={state} notice={notice} syncUrl startHash={startHash} />, root);
// First load benchmark (bench/browser.ts): the page with its scorecard is in the DOM.
performance.mark('mlsysim:first-render');

const offline = createOfflineState(registerSW);
render(() => <OfflineStatus state={offline} />, document.body.appendChild(document.createElement('div')));
