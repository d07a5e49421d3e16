/**
 * Saving a file from the page: an object URL for the blob and a click on a temporary
 * `<a download>`; the URL is revoked on the next turn (after the browser has taken it).
 */

/** Offers `blob` as a download named `filename`. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Offers text as a download (`type` is its MIME type). */
export function downloadText(text: string, filename: string, type: string): void {
  downloadBlob(new Blob([text], { type }), filename);
}

/**
 * A file name from free text: letters, digits, dot, dash and underscore only, whole — up to 200
 * characters, well inside the 255 bytes file systems allow (a two-axis sweep of long cell ids
 * with its output names "…_sweep_scenario.batch_size_scenario.context_len_performance.latency").
 */
export function safeFilename(base: string, ext: string): string {
  const stem = base.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+|_+$/g, '').slice(0, 200).replace(/_+$/, '') || 'chart';
  return `${stem}.${ext}`;
}
