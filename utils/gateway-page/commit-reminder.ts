/**
 * The gateway's own Commit Changes control on this page, if it shows one: AsyncOS draws it as a
 * button or a link in its banner, worded "Commit Changes".
 */
export function findCommitControl(document: Document): HTMLElement | null {
  for (const control of document.querySelectorAll<HTMLElement>('button, input[type="button"], input[type="submit"], a[href], [role="button"]')) {
    const words = control instanceof HTMLInputElement ? control.value : (control.textContent ?? '');
    if (COMMIT_CHANGES.test(words.replace(/\s+/g, ' ').trim())) return control;
  }
  return null;
}

const COMMIT_CHANGES = /^commit changes(\.\.\.|…)?$/i;

/** Draws the eye to the gateway's own control for a few seconds: an outline that pulses, then goes. */
export function pointAt(control: HTMLElement): void {
  control.scrollIntoView?.({ block: 'nearest' });
  control.animate?.(
    [
      { outline: '3px solid #2da44e', outlineOffset: '3px' },
      { outline: '3px solid rgba(45, 164, 78, 0)', outlineOffset: '3px' },
    ],
    { duration: 1_200, iterations: 4, easing: 'ease-in' },
  );
}
