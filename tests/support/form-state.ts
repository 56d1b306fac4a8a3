/**
 * Every named control of a form: its value, or for radios and checkboxes whether "name=value" is
 * checked. Buttons are left out. Self-contained, so end-to-end tests can run it inside a page.
 */
export function formState(form: Element): Record<string, string | boolean> {
  const state: Record<string, string | boolean> = {};
  for (const element of (form as HTMLFormElement).elements) {
    const control = element as HTMLInputElement;
    if (!control.name || ['submit', 'button', 'reset'].includes(control.type)) continue;
    if (control.type === 'radio' || control.type === 'checkbox') state[`${control.name}=${control.value}`] = control.checked;
    else state[control.name] = control.value;
  }
  return state;
}

export interface SubmissionGuard {
  /** How each attempt was made, in order: empty while nothing tried to submit. */
  attempts: string[];
  /** Puts the window's own submit methods back. */
  stop(): void;
}

/**
 * Records, and stops, every way a form in `window`'s document can be submitted: the submit event,
 * `form.submit()` (which fires no event), `form.requestSubmit()`, a click on a submit button, and
 * Enter in a field (implicit submission). Self-contained, like formState.
 */
export function guardSubmissions(window: Window & typeof globalThis): SubmissionGuard {
  const attempts: string[] = [];
  const { document } = window;
  const prototype = window.HTMLFormElement.prototype;
  const { submit, requestSubmit } = prototype;
  prototype.submit = function () {
    attempts.push(`form.submit() on #${this.id}`);
  };
  prototype.requestSubmit = function () {
    attempts.push(`form.requestSubmit() on #${this.id}`);
  };
  const onSubmit = (event: Event) => {
    attempts.push(`submit event on #${(event.target as Element).id}`);
    event.preventDefault();
  };
  const isSubmitButton = (element: Element | null) =>
    element !== null && (element.localName === 'button' || element.localName === 'input') && ['submit', 'image'].includes((element as HTMLButtonElement).type);
  const onClick = (event: Event) => {
    const button = (event.target as Element).closest?.('button, input') ?? null;
    if (!isSubmitButton(button)) return;
    attempts.push(`click on submit button "${(button as HTMLButtonElement).textContent || (button as HTMLInputElement).value}"`);
    event.preventDefault();
  };
  const onKey = (event: Event) => {
    const target = event.target as HTMLInputElement;
    // Enter in a text box submits its form; in a text area it is a new line.
    if ((event as KeyboardEvent).key !== 'Enter' || target.localName === 'textarea' || !target.form) return;
    attempts.push(`Enter (${event.type}) in #${target.id || target.name}`);
    event.preventDefault();
  };
  document.addEventListener('submit', onSubmit, { capture: true });
  document.addEventListener('click', onClick, { capture: true });
  for (const type of ['keydown', 'keypress', 'keyup']) document.addEventListener(type, onKey, { capture: true });
  return {
    attempts,
    stop() {
      prototype.submit = submit;
      prototype.requestSubmit = requestSubmit;
      document.removeEventListener('submit', onSubmit, { capture: true });
      document.removeEventListener('click', onClick, { capture: true });
      for (const type of ['keydown', 'keypress', 'keyup']) document.removeEventListener(type, onKey, { capture: true });
    },
  };
}

/**
 * Every way `page` (a Playwright or a Puppeteer page) could submit its form, recorded and stopped
 * from now on; answers a function that reads the attempts.
 */
export async function guardPageSubmissions(page: { evaluate(script: string): Promise<unknown> }): Promise<() => Promise<string[]>> {
  await page.evaluate(`window.submissionGuard = (${guardSubmissions.toString()})(window)`);
  return () => page.evaluate('window.submissionGuard.attempts') as Promise<string[]>;
}

/**
 * The saved AsyncOS Add Source form (tests/fixtures/sites/dh1234-esa1.iphmx.com) as Autofill
 * leaves it: the feed's fields, HTTPS Yes, port 443, no credentials, the gateway's other settings
 * and the TAXII user name as they were, the password as given (never typed into).
 */
export function asyncOsFilled(feed: { sourceName: string; description: string; hostname: string; pollingPath: string; collectionName: string }, password = '') {
  return {
    source_name: feed.sourceName,
    source_description: feed.description,
    source_hostname: feed.hostname,
    source_polling_path: feed.pollingPath,
    source_collection_name: feed.collectionName,
    poll_interval_hour: '1',
    poll_interval_mins: '0',
    source_collection_age: '1',
    poll_chunk_size: '1',
    'use_https=1': true,
    'use_https=0': false,
    poll_port: '443',
    'use_global_proxy=1': false,
    'use_global_proxy=0': true,
    'source_config_cred=1': false,
    'source_config_cred=0': true,
    cc_auth_user: 'taxii-reader',
    cc_auth_pass: password,
  };
}

/**
 * The saved Edit Source page's source made by hand (`edit_source/?source=hand-made`) once Fix has
 * corrected it: the feed's fields, HTTPS Yes, port 443, no credentials, its Source Name kept.
 */
export const HAND_MADE_FIXED = {
  source_name: 'XDR_phishing',
  source_hostname: 'private.intel.amp.cisco.com',
  source_polling_path: '/ctia/feed/feed-8f2b1c3e-5d4a-4e6f-9a7b-1c2d3e4f5a6b/view',
  source_collection_name: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  'use_https=1': true,
  'use_https=0': false,
  poll_port: '443',
  'source_config_cred=1': false,
  'source_config_cred=0': true,
};
