/** Display helpers for status texts (texts only — cells stay SI). */

/** "12.3 GB" — bytes for status texts. */
export const gb = (bytes: number): string => `${(bytes / 1e9).toFixed(1)} GB`;

/** "0.412" — a fraction for status texts. */
export const frac = (x: number, digits = 3): string => x.toFixed(digits);

/** "12.3 s" / "4.2 h" / "3.40 ms" — a duration for status texts. */
export function dur(seconds: number): string {
  if (seconds >= 7200) return `${(seconds / 3600).toFixed(1)} h`;
  if (seconds >= 1) return `${seconds.toFixed(1)} s`;
  return `${(seconds * 1e3).toFixed(2)} ms`;
}
