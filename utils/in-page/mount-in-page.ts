import type { ScriptLifetime } from './script-lifetime';
import css from './in-page.css?inline';

/** Elements whose parent takes only elements of one kind: the note goes inside them instead. */
const CONTAINERS = 'td, th, li, dt, dd, option, [role="cell"], [role="gridcell"], [role="listitem"]';

/** The page's styles stop at the note's host; ours apply inside. */
const STYLE = `:host{all:initial !important;}${css}`;

export interface InPageUi {
  update(content: HTMLElement): void;
  remove(): void;
}

/**
 * Shows `content` right after `anchor`, inside a closed shadow root: the page's styles cannot reach
 * in, and its scripts get no reference to the note's elements (the console loads third-party
 * scripts, which must not focus, restyle or press the note's buttons, nor read the gateway host
 * names on them); assistive technology can. Removed with the content script when the extension
 * reloads.
 */
export async function mountInPage(lifetime: Pick<ScriptLifetime, 'onInvalidated'>, anchor: Element, content: HTMLElement): Promise<InPageUi> {
  const host = anchor.ownerDocument.createElement('etf-autofill-notice');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = anchor.ownerDocument.createElement('style');
  style.textContent = STYLE;
  shadow.append(style, content);
  // Beside the URL, except where a sibling would break the page's structure (a table row's cells).
  if (anchor.matches(CONTAINERS)) anchor.append(host);
  else anchor.after(host);
  const remove = () => host.remove();
  lifetime.onInvalidated(remove);
  return {
    update: (next) => {
      content.replaceWith(next);
      content = next;
    },
    remove,
  };
}
