/** A hidden tab draws no frames: past this wait, work goes on without one. */
const MAX_WAIT_MS = 100;

/**
 * Waits until the page has drawn its next frame, so the work that follows cannot delay it, or at
 * most MAX_WAIT_MS when no frame comes.
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const timeout = setTimeout(resolve, MAX_WAIT_MS);
    // The frame callback runs just before the page draws; the task after it, once it has drawn.
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timeout);
        resolve();
      }, 0),
    );
  });
}
