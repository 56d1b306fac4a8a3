import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PopupPage } from './popup-page';

export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const RUN_AXE = `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`;

/** The axe-core violations of the popup as it is now, in `scheme` (light or dark): rule and elements, one line each. */
export async function axeViolations(popup: PopupPage, scheme: 'light' | 'dark'): Promise<string[]> {
  await popup.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: scheme }] });
  await popup.evaluate(AXE_SOURCE);
  return popup.evaluate<string[]>(RUN_AXE);
}
