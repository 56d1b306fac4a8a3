/**
 * Lets the page draw a frame and handle input before our next piece of work: `scheduler.yield()`
 * where the browser has it (the work keeps its place ahead of other tasks), else a new task.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
