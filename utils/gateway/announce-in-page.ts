const HOST_NAME = 'etf-autofill-announcement';
const SHOWN_FOR_MS = 10_000;

export interface Announcement {
  /** Who speaks: the product's name, in the user's language. */
  heading: string;
  lines: string[];
  urgent: boolean;
}

/**
 * A short message in the corner of the page, for an autofill started from the keyboard (there is
 * no popup to report in). Its shadow root is open so assistive technology reads it.
 */
export function announceInPage(document: Document, { heading, lines, urgent }: Announcement): void {
  document.querySelector(HOST_NAME)?.remove();
  const host = document.createElement(HOST_NAME);
  const shadow = host.attachShadow({ mode: 'open' });
  const box = document.createElement('div');
  box.setAttribute('role', urgent ? 'alert' : 'status');
  box.style.cssText =
    'position:fixed;right:16px;bottom:16px;z-index:2147483647;max-width:420px;padding:10px 14px;border-radius:6px;' +
    'background:#1b1f24;color:#fff;font:13px/1.4 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.3)';
  for (const line of [heading, ...lines]) {
    const paragraph = document.createElement('p');
    paragraph.style.margin = '0 0 4px';
    paragraph.textContent = line;
    box.append(paragraph);
  }
  shadow.append(box);
  document.documentElement.append(host);
  document.defaultView?.setTimeout(() => host.remove(), SHOWN_FOR_MS);
}
