export type { PickRow } from './CatalogPicker.jsx';
export { CatalogPicker } from './CatalogPicker.jsx';
export { pickRows, systemRows } from './catalog-rows.js';
export { checkCustomEntry, CustomEntryDialog, templateFor } from './CustomEntryDialog.jsx';
export { KeyInputs } from './KeyInputs.jsx';
export { ScenarioControls } from './ScenarioControls.jsx';
