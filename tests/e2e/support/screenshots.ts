import { join, resolve } from 'node:path';

/**
 * Where the end-to-end tests save their screenshots: test-output/ (ignored by git), so a test run
 * leaves the checkout as it was. `npm run screenshots` points it at docs/ to refresh the README's
 * images.
 */
export const SCREENSHOT_DIR = resolve(process.env.ETF_SCREENSHOT_DIR ?? 'test-output');

export const screenshotPath = (name: string) => join(SCREENSHOT_DIR, name);
