/** The page built once by global-setup.ts, for the browser tests. */
import { inject } from 'vitest';

export function builtSite(): string {
  return inject('e2eSite');
}
