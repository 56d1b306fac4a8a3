import { checkSource, type KnownFeedFacts, type SourceCheck, type SourceMistake } from '../gateway/source-check';
import type { SourceField } from '../gateway/fill-report';
import { describeSourceMistake } from '../i18n/describe-source-check';
import { t } from '../i18n/i18n';
import type { InPageUi } from '../in-page/mount-in-page';
import { alertElement, button, element } from '../in-page/note-elements';

export interface SourceCheckNotesDeps {
  /** Draws a note right after `anchor` (inside it, for a table cell). */
  mount(anchor: Element, content: HTMLElement): Promise<InPageUi>;
  /** What the extension knows of the feed, asked once per feed id and secret. */
  facts(feedId: string, collectionName: string): Promise<KnownFeedFacts>;
  /** The person pressed Fix (their own click): set the feed's fields to `check.fix`. */
  fix(check: Extract<SourceCheck, { kind: 'feed' }>, facts: KnownFeedFacts): Promise<void>;
}

/** A form's fields as read for the check, and the element beside which each field's note goes. */
export interface CheckedForm {
  values: Parameters<typeof checkSource>[0];
  anchors: Partial<Record<SourceField, Element>>;
}

/**
 * The mistakes of a Cisco feed source, each named beside its field, the first note with one Fix
 * button. Notes are redrawn only when what they say changes, so a screen reader hears each once.
 */
export function createSourceCheckNotes(deps: SourceCheckNotesDeps) {
  let shown = '';
  let notes: InPageUi[] = [];
  const known = new Map<string, Promise<KnownFeedFacts>>();
  let latest = 0;

  function factsFor(feedId: string, collectionName: string): Promise<KnownFeedFacts> {
    const key = `${feedId} ${collectionName}`;
    let facts = known.get(key);
    if (!facts) known.set(key, (facts = deps.facts(feedId, collectionName).catch(() => ({}))));
    return facts;
  }

  async function draw(anchors: CheckedForm['anchors'], check: SourceCheck, facts: KnownFeedFacts) {
    const mistakes = check.kind === 'feed' ? check.mistakes : [];
    const words = mistakes.map((mistake) => `${mistake.field}:${describeSourceMistake(mistake)}`).join('\n');
    if (words === shown) return;
    shown = words;
    notes.forEach((note) => note.remove());
    notes = [];
    if (check.kind !== 'feed') return;
    const byField = new Map<SourceField, SourceMistake[]>();
    for (const mistake of mistakes) byField.set(mistake.field, [...(byField.get(mistake.field) ?? []), mistake]);
    let first = true;
    for (const [field, fieldMistakes] of byField) {
      const anchor = anchors[field];
      if (!anchor) continue;
      const note = element('div', 'etf-notice', ...fieldMistakes.map((mistake) => alertElement(describeSourceMistake(mistake))));
      if (first) {
        note.prepend(element('p', 'title', t('sourceCheckSummary')));
        note.append(button(t('sourceCheckFix'), undefined, () => deps.fix(check, facts)));
        first = false;
      }
      notes.push(await deps.mount(anchor, note));
    }
  }

  return {
    /** Checks the form as it stands now; a later call wins over one still waiting for facts. */
    async update(form: CheckedForm | null): Promise<void> {
      const run = ++latest;
      if (!form) return draw({}, { kind: 'not-a-feed' }, {});
      const plain = checkSource(form.values);
      const facts = plain.kind === 'feed' && plain.feedId ? await factsFor(plain.feedId, plain.fix.collectionName ?? form.values.collectionName) : {};
      if (run !== latest) return;
      await draw(form.anchors, plain.kind === 'feed' ? checkSource(form.values, facts) : plain, facts);
    },
  };
}
