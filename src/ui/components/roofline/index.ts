export { RooflineChart } from './RooflineChart.jsx';
export { RooflinePlot } from './RooflinePlot.jsx';
export { hardwareOptions } from './compare-device.js';
