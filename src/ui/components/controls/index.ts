export type { CatalogPickerProps, PickRow } from './CatalogPicker.jsx';
export { CatalogPicker } from './CatalogPicker.jsx';
export { pickRows, systemRows } from './catalog-rows.js';
export type { CustomEntryCheck, CustomEntryDialogProps } from './CustomEntryDialog.jsx';
export { checkCustomEntry, CustomEntryDialog, templateFor } from './CustomEntryDialog.jsx';
export type { KeyInputsProps } from './KeyInputs.jsx';
export { KEY_INPUTS, KeyInputs } from './KeyInputs.jsx';
export type { ScenarioControlsProps } from './ScenarioControls.jsx';
export { ScenarioControls } from './ScenarioControls.jsx';
