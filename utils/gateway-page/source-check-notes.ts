import type { SourceField } from '../gateway/etf-fields';
import type { SourceFormValues } from '../gateway/fill-report';
import type { SourceCheck, SourceMistake } from '../gateway/source-check';
import { describeSourceMistake } from '../i18n/describe-source-check';
import { t } from '../i18n/i18n';
import type { InPageUi } from '../in-page/mount-in-page';
import { alertElement, button, element } from '../in-page/note-elements';

/** The check of a form that names a Cisco feed. */
export type FeedSourceCheck = Extract<SourceCheck, { kind: 'feed' }>;

export interface SourceCheckNotesDeps {
  /** Draws a note right after `anchor` (inside it, for a table cell). */
  mount(anchor: Element, content: HTMLElement): Promise<InPageUi>;
  /** Checks the form's values, with what the extension knows of the feed; undefined when it could not. */
  check(values: SourceFormValues): Promise<SourceCheck | undefined>;
  /** The person pressed Fix (their own click): set the feed's fields to `check.fix`. */
  fix(check: FeedSourceCheck): Promise<void>;
}

/** A form's fields as read for the check, and the element beside which each field's note goes. */
export interface CheckedForm {
  values: SourceFormValues;
  anchors: Partial<Record<SourceField, Element>>;
}

/**
 * The mistakes of a Cisco feed source, each named beside its field, the first note with one Fix
 * button. Notes are redrawn only when what they say changes, so a screen reader hears each once.
 */
export function createSourceCheckNotes(deps: SourceCheckNotesDeps) {
  let shown = '';
  let notes: InPageUi[] = [];
  let latest = 0;

  async function draw(anchors: CheckedForm['anchors'], check: SourceCheck) {
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
        note.append(button(t('sourceCheckFix'), undefined, () => deps.fix(check)));
        first = false;
      }
      notes.push(await deps.mount(anchor, note));
    }
  }

  return {
    /** Whether some note is showing. */
    showing: () => shown !== '',
    /** Checks the form as it stands now (null: there is none); a later call wins over one still waiting. */
    async update(form: CheckedForm | null): Promise<void> {
      const run = ++latest;
      const check: SourceCheck | undefined = form ? await deps.check(form.values) : { kind: 'not-a-feed' };
      if (run !== latest || !check) return;
      await draw(form?.anchors ?? {}, check);
    },
  };
}
