import { readFileSync } from 'node:fs';

/** The package version, read from package.json beside dist/ (one source of truth). */
export function packageVersion(): string {
  const url = new URL('../../package.json', import.meta.url);
  const pkg = JSON.parse(readFileSync(url, 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}
