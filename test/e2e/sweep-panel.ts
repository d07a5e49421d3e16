/**
 * The sweep panel as a user reaches it: right-click a cell card, "Sweep this…", fill the x
 * axis; then run and wait for the last point.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export interface SweepAxis {
  readonly start: number;
  readonly stop: number;
  readonly points: number;
  readonly scale: 'linear' | 'log';
}

/** Opens the sweep panel on `cell` from its card's menu and fills the x axis; the panel, not yet run. */
export async function sweepPanelFor(page: Page, cell: string, axis: SweepAxis): Promise<Locator> {
  await page.locator(`.cell-card[data-cell="${cell}"] .cell-label`).click({ button: 'right' });
  await page.locator(`[data-cell-menu="${cell}"] [data-menu="sweep"]`).click();
  const panel = page.locator('[data-testid="sweep-panel"]');
  await panel.waitFor();
  await panel.locator('[data-field="x.start"]').fill(String(axis.start));
  await panel.locator('[data-field="x.stop"]').fill(String(axis.stop));
  await panel.locator('[data-field="x.points"]').fill(String(axis.points));
  await panel.locator('[data-field="x.scale"]').selectOption(axis.scale);
  return panel;
}

/** Runs the panel's sweep and waits until every point is in. */
export async function runSweep(panel: Locator): Promise<void> {
  await panel.locator('[data-run-sweep]').click();
  await expect.poll(() => panel.locator('.sweep-progress').getAttribute('data-status')).toBe('done');
}
