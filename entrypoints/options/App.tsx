import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { OPTIONAL_FIELD_KEYS } from '@/utils/gateway/etf-fields';
import { etfValuesFor } from '@/utils/gateway/etf-values';
import { t, type MessageKey } from '@/utils/i18n/i18n';
import { DEFAULT_OPTIONS, NUMBER_RANGES, OPTION_KEYS, type EffectiveOptions, type OptionErrors, type OptionKey, type Options } from '@/utils/options/options';

interface OptionsAppProps {
  load: () => Promise<EffectiveOptions>;
  /** Calls back when the stored options or the organisation's policy change. */
  watch: (onChange: () => void) => () => void;
  /** Checks and stores the options as typed; the organisation's options are never stored over. */
  save: (input: Record<OptionKey, string>) => Promise<OptionErrors>;
  /** The date the preview shows. */
  today: Date;
  /** Further sections, after the options form. */
  children?: ComponentChildren;
}

const LABELS: Record<OptionKey, MessageKey> = {
  sourceNameTemplate: 'optionsSourceName',
  descriptionTemplate: 'optionsDescription',
  pollIntervalHours: 'optionsPollHours',
  pollIntervalMinutes: 'optionsPollMinutes',
  feedAgeDays: 'optionsFeedAge',
  pollSegmentDays: 'optionsPollSegment',
};

/** A feed to preview the templates with. */
const EXAMPLE_FEED = {
  title: 'Phishing domains',
  feedId: 'feed-8f2b1c3e-5d4a-4e6f-9a7b-1c2d3e4f5a6b',
  region: 'eu' as const,
  fields: { hostname: 'private.intel.eu.amp.cisco.com', pollingPath: '/ctia/feed/feed-8f2b1c3e-5d4a-4e6f-9a7b-1c2d3e4f5a6b/view', collectionName: '' },
};

export function OptionsApp({ load, watch, save, today, children }: OptionsAppProps) {
  const [input, setInput] = useState<Record<OptionKey, string> | null>(null);
  const [managed, setManaged] = useState<OptionKey[]>([]);
  const [errors, setErrors] = useState<OptionErrors>({});
  const [status, setStatus] = useState('');

  useEffect(() => {
    load().then(({ options, managed }) => {
      setInput(asText(options));
      setManaged(managed);
    });
    // A policy that arrives while the page is open takes over its fields; the user's edits elsewhere stay.
    return watch(() =>
      load().then(({ options, managed }) => {
        setManaged(managed);
        setInput((typed) => (typed ? { ...typed, ...asText(pick(options, managed)) } : asText(options)));
      }),
    );
  }, [load, watch]);

  if (!input) return <main aria-busy="true" />;

  async function submit(event: Event) {
    event.preventDefault();
    const problems = await save(input!);
    setErrors(problems);
    setStatus(t(Object.keys(problems).length === 0 ? 'optionsSaved' : 'optionsNotSaved'));
  }

  const field = (key: OptionKey, number: boolean) => {
    const id = `option-${key}`;
    const isManaged = managed.includes(key);
    const described = [isManaged && `${id}-managed`, errors[key] && `${id}-error`, `${id}-help`].filter(Boolean).join(' ');
    return (
      <div key={key}>
        <label for={id}>{t(LABELS[key])}</label>
        <input
          id={id}
          class={number ? 'number' : undefined}
          inputMode={number ? 'numeric' : undefined}
          value={input![key]}
          readOnly={isManaged}
          aria-invalid={errors[key] ? true : undefined}
          aria-describedby={described}
          onInput={(event) => setInput({ ...input!, [key]: event.currentTarget.value })}
        />
        {isManaged && (
          <p id={`${id}-managed`} class="help">
            {t('optionsManaged')}
          </p>
        )}
        {errors[key] && (
          <p id={`${id}-error`} class="field-error">
            {errors[key]}
          </p>
        )}
        <p id={`${id}-help`} class="help">
          {number ? t('optionsNumberHelp', ...NUMBER_RANGES[key as keyof typeof NUMBER_RANGES]) : t('optionsTemplateHelp')}
        </p>
      </div>
    );
  };

  const preview = etfValuesFor(EXAMPLE_FEED, today, previewOptions(input));

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <form onSubmit={submit} noValidate>
        <h2>{t('optionsNamesHeading')}</h2>
        <p class="help">{t('optionsNamesHelp')}</p>
        {field('sourceNameTemplate', false)}
        {field('descriptionTemplate', false)}
        <div class="preview" aria-live="polite">
          {previewText(t('optionsPreview', EXAMPLE_FEED.title, PREVIEW_SOURCE, PREVIEW_DESCRIPTION), preview.sourceName, preview.description)}
        </div>

        <h2>{t('optionsSettingsHeading')}</h2>
        <p class="help">{t('optionsSettingsHelp')}</p>
        {OPTIONAL_FIELD_KEYS.map((key) => field(key, true))}

        <button type="submit" class="save">
          {t('optionsSave')}
        </button>
        <p role="status" class="help">
          {status}
        </p>
      </form>
      {children}
    </main>
  );
}

const PREVIEW_SOURCE = '\u0001';
const PREVIEW_DESCRIPTION = '\u0002';

/** The translated preview sentence, with the two example values set in code style where it puts them. */
function previewText(sentence: string, sourceName: string, description: string) {
  return sentence.split(/([\u0001\u0002])/).map((part) =>
    part === PREVIEW_SOURCE ? <code>{sourceName}</code> : part === PREVIEW_DESCRIPTION ? <code>{description}</code> : part,
  );
}

function pick(options: Options, keys: OptionKey[]): Partial<Options> {
  return Object.fromEntries(keys.map((key) => [key, options[key]]));
}

function asText(options: Partial<Options>): Record<OptionKey, string> {
  return Object.fromEntries(
    OPTION_KEYS.filter((key) => key in options).map((key) => [key, options[key] === null ? '' : String(options[key])]),
  ) as Record<OptionKey, string>;
}

/** The templates as typed, for the preview; numbers do not show in it. */
function previewOptions(input: Record<OptionKey, string>): Options {
  return { ...DEFAULT_OPTIONS, sourceNameTemplate: input.sourceNameTemplate, descriptionTemplate: input.descriptionTemplate };
}
