/**
 * `work`'s answer, or `fallback` if it fails or has not answered within `ms`: a browser service or
 * a page that hangs never holds up what waits on it.
 */
export function within<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<T>((resolve) => (timer = setTimeout(resolve, ms, fallback)));
  return Promise.race([work.catch(() => fallback), late]).finally(() => clearTimeout(timer));
}
