export { ConfirmButton } from './ConfirmButton.jsx';
export { Dialog } from './Dialog.jsx';
export { downloadFile, importedFile } from './download.js';
export { InlineRename } from './InlineRename.jsx';
export { SessionMessages } from './SessionMessages.jsx';
export { ShareBox } from './ShareBox.jsx';
export { WorkbookBar } from './WorkbookBar.jsx';
export { WorkbookList } from './WorkbookList.jsx';
export { WorkbookPanel } from './WorkbookPanel.jsx';
