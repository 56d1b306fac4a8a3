/** What a CTIA feed publishes. The gateway reads only Observables. */
export const FEED_OUTPUTS = ['observables', 'judgements'] as const;
export type FeedOutput = (typeof FEED_OUTPUTS)[number];

// Cisco's UI spells it "Judgments", its API "judgements".
const JUDGEMENTS = /^judge?ments?$/i;
const OBSERVABLES = /^observables?$/i;

/** The Output a label or option text names, or null when it names neither (or both). */
export function feedOutputOf(text: string): FeedOutput | null {
  const words = text.trim().replace(/^output\s*:?\s*/i, '');
  if (JUDGEMENTS.test(words)) return 'judgements';
  if (OBSERVABLES.test(words)) return 'observables';
  return null;
}
