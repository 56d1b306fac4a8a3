import type { Page } from 'playwright-core';

/** The in-page message the extension shows on a gateway page, once there is one: its role and lines. */
export async function announcement(page: Page): Promise<{ role: string | null; lines: string[] }> {
  const box = page.locator('etf-autofill-announcement [role]');
  await box.waitFor({ timeout: 10_000 });
  return { role: await box.getAttribute('role'), lines: await box.locator('p').allTextContents() };
}
