import type { ScriptLifetime } from '../in-page/script-lifetime';

/** Mutations of a single-page app come in bursts; they are looked at once per burst. */
const BATCH_DELAY_MS = 100;

/**
 * Calls `onChange` with `root` now, then with the outermost nodes added or changed since the last
 * call, at most once per BATCH_DELAY_MS. Stops when the content script's lifetime ends.
 */
export function watchPage(lifetime: Pick<ScriptLifetime, 'setTimeout' | 'onInvalidated'>, root: Element, onChange: (roots: Node[]) => void): void {
  const pending = new Set<Node>();
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    const roots = [...pending].filter((node) => node.isConnected && !hasPendingAncestor(node, pending));
    pending.clear();
    if (roots.length > 0) onChange(roots);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'childList') record.addedNodes.forEach((node) => pending.add(node));
      else pending.add(record.target);
    }
    if (!scheduled && pending.size > 0) {
      scheduled = true;
      lifetime.setTimeout(flush, BATCH_DELAY_MS);
    }
  });
  observer.observe(root, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['value', 'href', 'aria-selected', 'aria-checked'],
  });
  lifetime.onInvalidated(() => observer.disconnect());
  onChange([root]);
}

function hasPendingAncestor(node: Node, pending: Set<Node>): boolean {
  for (let parent = node.parentNode; parent; parent = parent.parentNode) if (pending.has(parent)) return true;
  return false;
}
