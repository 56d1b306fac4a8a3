import { render, type VNode } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import css from './in-page.css?inline';

/** Elements whose parent takes only elements of one kind: the notice goes inside them instead. */
const CONTAINERS = 'td, th, li, dt, dd, option, [role="cell"], [role="gridcell"], [role="listitem"]';

export interface InPageUi {
  update(node: VNode): void;
  remove(): void;
}

/**
 * Shows `node` right after `anchor`, inside an open shadow root: the page's styles cannot reach in,
 * assistive technology can. Removed with the content script when the extension reloads.
 */
export async function mountInPage(ctx: ContentScriptContext, anchor: Element, node: VNode): Promise<InPageUi> {
  const ui = await createShadowRootUi<HTMLElement>(ctx, {
    name: 'etf-autofill-notice',
    position: 'inline',
    anchor,
    // Beside the URL, except where a sibling would break the page's structure (a table row's cells).
    append: anchor.matches(CONTAINERS) ? 'last' : 'after',
    css,
    onMount: (container) => {
      render(node, container);
      return container;
    },
    onRemove: (container) => container && render(null, container),
  });
  ui.mount();
  return {
    update: (next) => ui.mounted && render(next, ui.mounted),
    remove: () => ui.remove(),
  };
}
