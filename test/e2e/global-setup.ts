/**
 * Builds the workbench page once for all browser tests (a vite build takes ~15 s on two
 * cores); each test file serves the same folder from its own static server (site.ts).
 */
import type { TestProject } from 'vitest/node';
import { buildPage } from './helpers.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built page's folder. */
    e2eSite: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  project.provide('e2eSite', await buildPage());
}
