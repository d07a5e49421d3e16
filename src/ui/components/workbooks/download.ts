/**
 * Files in and out of the page without a server: a download is a Blob behind an object URL
 * clicked through an `<a download>`; an upload is the text of the File an `<input type=file>`
 * gives (FileReader where Blob.text is missing).
 */
import type { ExportedFile } from '../../../persist/index.js';
import type { ImportedFile } from '../../store/workbook-library.js';

/** Saves `file` through the browser's download; throws when the page cannot make object URLs. */
export function downloadFile(file: ExportedFile, doc: Document = document): void {
  const view = doc.defaultView;
  if (!view || typeof view.URL.createObjectURL !== 'function') throw new Error('this browser cannot save files from the page');
  const url = view.URL.createObjectURL(new Blob([file.text], { type: file.mimeType }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  // The download has started by the next task; the URL is then only memory.
  view.setTimeout(() => view.URL.revokeObjectURL(url), 1000);
}

function readBlob(blob: Blob): Promise<string> {
  if (typeof blob.text === 'function') return blob.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsText(blob);
  });
}

/** A File from an input as the session imports it (read only after the size check). */
export function importedFile(file: File): ImportedFile {
  return { name: file.name, size: file.size, text: () => readBlob(file) };
}
