/**
 * Size limits, stated once: messages quote these constants, so the numbers in the UI and in
 * the code cannot drift apart. A workbook of a dozen scenarios with custom models is a few
 * tens of KiB of JSON, so the limits leave a wide margin while keeping a hostile payload
 * (or a decompression bomb) from eating the tab's memory.
 */

/** Largest workbook, as UTF-8 JSON, that is saved, imported, exported or decoded from a link. */
export const MAX_WORKBOOK_JSON_BYTES = 512 * 1024;

/** Largest share-link payload (the base64url text after `#wb=`), in characters. */
export const MAX_LINK_PAYLOAD_CHARS = 128 * 1024;

/** Deepest nesting of maps and lists accepted in a document (the schema needs about 8). */
export const MAX_NESTING_DEPTH = 64;

/** Longest workbook name accepted by create / rename. */
export const MAX_NAME_LENGTH = 200;

/** Bytes as "512 KiB" / "1.5 MiB" for messages. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
}
