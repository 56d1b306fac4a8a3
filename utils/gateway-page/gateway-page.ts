import { FEED_ID_IN_TEXT } from '../feed/feed-id';
import { announceInPage } from '../gateway/announce-in-page';
import { fillEtfForm, findSubmitButton, highlight, readEtfForm, type FormValues } from '../gateway/etf-form';
import { findCommitControl } from '../gateway/threat-feeds-page';
import { mayNameCiscoFeed } from '../gateway/source-check';
import type { FillRequest, FillResult } from '../gateway/fill-report';
import { describeFill } from '../i18n/describe-fill';
import { describeFormError } from '../i18n/describe-form-error';
import { t } from '../i18n/i18n';
import { mountInPage } from '../in-page/mount-in-page';
import { alertElement, element } from '../in-page/note-elements';
import type { ScriptLifetime } from '../in-page/script-lifetime';
import type { Reply, Request } from '../protocol/messages';
import type { GatewayPageStart } from './gateway-page-start';
import { feedPasteText, pasteAsTyped } from './paste-to-split';
import { createSourceCheckNotes } from './source-check-notes';

export interface GatewayPageDeps {
  document: Document;
  lifetime: ScriptLifetime;
  /** Asks the background; undefined when it could not be asked. */
  send: <T extends 'paste-feed' | 'check-source' | 'fix-source' | 'source-submitted'>(message: Request<T>) => Promise<Reply<T> | undefined>;
}

/** How long typing pauses before the form is checked again. */
const CHECK_AFTER_TYPING_MS = 150;

/**
 * ETF Autofill on a gateway's External Threat Feeds page: the person's paste of a feed URL fills
 * the Add/Edit Source form, the form's Cisco feed source is checked as it stands (with Fix), and a
 * submit of a form the extension filled leads to a reminder to commit on the next page.
 */
export function createGatewayPage({ document, lifetime, send }: GatewayPageDeps) {
  /** Whether the extension filled, fixed or split a paste into this page's form: its submit is reported. */
  let filledHere = false;
  let submitted = false;
  let watching = false;
  /** A feed already added to this gateway, pasted once: a second paste fills anyway. */
  let pastedAgain: string | undefined;
  const mount = (anchor: Element, content: HTMLElement) => mountInPage(lifetime, anchor, content);
  const announce = (lines: string[], urgent: boolean) => announceInPage(document, { heading: t('extName'), lines, urgent });

  /** True while the extension itself fills: the radios it clicks fire trusted change events too. */
  let filling = false;

  function fill(values: FormValues, focusSubmit: FillRequest['focusSubmit']): FillResult {
    filling = true;
    let result: FillResult;
    try {
      result = fillEtfForm(document, values, { highlight: true, focusSubmit });
    } finally {
      filling = false;
    }
    if (result.ok) filledHere = true;
    // Notes about the form as it was go; a form without notes needs no new check after a fill.
    if (result.ok && notes.showing()) checkSoon();
    return result;
  }

  function report(result: FillResult, firstLines: string[]) {
    if (result.ok) announce([...firstLines, ...describeFill(result.fields)], false);
    else announce([describeFormError(result.error)], true);
  }

  const notes = createSourceCheckNotes({
    mount,
    check: async (values) => {
      const reply = await send({ type: 'check-source', values });
      return reply?.ok ? reply.check : undefined;
    },
    fix: async (check) => {
      let collectionName = check.fix.collectionName;
      if (check.feedId && check.mistakes.some((mistake) => mistake.code === 'secret-differs')) {
        const reply = await send({ type: 'fix-source', feedId: check.feedId });
        if (reply?.ok) collectionName = reply.collectionName;
      }
      report(fill({ ...check.fix, collectionName }, false), []);
    },
  });

  /**
   * Checks the form, asking the background only when the fields may name a Cisco feed or notes are
   * showing: a page that is left while a question is out gets its answer in a context that is gone,
   * which Firefox reports as an error.
   */
  function checkForm() {
    if (!lifetime.isValid()) return;
    const form = readEtfForm(document);
    const worthAsking = form.ok && (mayNameCiscoFeed(form.values) || notes.showing());
    void notes.update(worthAsking ? { values: form.values, anchors: form.controls } : null);
  }

  let checkTimer = 0;
  function checkSoon() {
    const run = ++checkTimer;
    lifetime.setTimeout(() => run === checkTimer && checkForm(), CHECK_AFTER_TYPING_MS);
  }

  async function onPaste(event: ClipboardEvent) {
    const form = readEtfForm(document);
    const text = form.ok ? feedPasteText(event, form.scope) : null;
    if (text === null) return;
    // Held back while the background reads it: a feed URL does not land in the field, the feed's fields do.
    event.preventDefault();
    const reply = await send({ type: 'paste-feed', text });
    if (!reply?.ok) {
      if (reply?.error.code === 'judgements-output') return announce([reply.error.message], true);
      // No feed after all (or no answer): the text goes where the person pasted it, and the check speaks.
      return pasteAsTyped(event.target, text);
    }
    if (reply.alreadyAdded && pastedAgain !== reply.feedId) {
      pastedAgain = reply.feedId;
      return announce([reply.alreadyAdded, t('gatewayPasteAgain')], true);
    }
    report(fill(reply.values, false), [t('commandFrom', reply.feedName), ...(reply.alreadyAdded ? [reply.alreadyAdded] : [])]);
  }

  /** Reports the submit of a form the extension filled: the feed (named by its Polling Path), the Source Name, never the secret. */
  function onSubmit(event: Event) {
    if (!event.isTrusted || !filledHere || submitted) return;
    // Most clicks are on anything but a button: the form is read only for one that may be Submit.
    if (event.type === 'click' && !(event.target instanceof Element && event.target.matches('input[type="submit"], button'))) return;
    const form = readEtfForm(document);
    if (!form.ok || !(event.target instanceof Node) || !form.scope.contains(event.target)) return;
    if (event.type === 'click' && event.target !== findSubmitButton(form.scope)) return;
    const feedId = FEED_ID_IN_TEXT.exec(form.values.pollingPath)?.[0];
    if (!feedId) return;
    submitted = true;
    void send({ type: 'source-submitted', feedId, sourceName: form.sourceName });
  }

  /** After a submit, the next page (the sources list) says the source is not polled until committed. */
  function remindToCommit(sourceName: string) {
    if (readEtfForm(document).ok) return;
    const control = findCommitControl(document);
    const anchor = control ?? document.querySelector('h1, h2') ?? document.body.firstElementChild;
    if (!anchor) return;
    const note = element('div', 'etf-notice', element('p', 'title', t('extName')), alertElement(t(control ? 'gatewayCommitBeside' : 'gatewayCommitReminder', sourceName)));
    void mount(anchor, note);
    if (!control) return;
    control.scrollIntoView?.({ block: 'nearest' });
    highlight(control, 3);
  }

  return {
    /** For every fill of this page (the popup's, Add to's, the keyboard's): its submit is then reported. */
    fill,
    /** Starts watching the page, once. */
    watch(start: GatewayPageStart) {
      if (watching) return;
      watching = true;
      const options = { capture: true, signal: lifetime.signal };
      const window = document.defaultView!;
      window.addEventListener('paste', (event) => void (lifetime.isValid() && onPaste(event)), options);
      // The person's typing; the extension's own fills ask for a check themselves.
      const onTyping = (event: Event) => event.isTrusted && !filling && checkSoon();
      window.addEventListener('input', onTyping, options);
      window.addEventListener('change', onTyping, options);
      window.addEventListener('submit', onSubmit, options);
      window.addEventListener('click', onSubmit, options);
      if (start.commitReminder !== undefined) remindToCommit(start.commitReminder);
      // A form the extension has just filled (the popup, Add to) holds its own values: nothing to check.
      if (!filledHere) checkForm();
    },
  };
}
