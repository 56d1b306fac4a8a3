import { GATEWAY_OBSERVABLE_TYPES, type FeedCheck, type FeedProblem } from '../check-feed/feed-check';
import { t, uiLanguage, type MessageKey } from './i18n';

/** The message per problem; the last four say the HTTP status where it helps. */
const PROBLEMS: Record<FeedProblem, MessageKey> = {
  'wrong-secret': 'checkWrongSecret',
  'not-found': 'checkNotFound',
  'missing-secret': 'checkMissingSecret',
  network: 'checkNetwork',
  timeout: 'checkTimeout',
  'permission-refused': 'checkPermissionRefused',
  'http-error': 'checkHttpError',
  'not-json': 'checkNotJson',
  'unexpected-json': 'checkUnexpectedJson',
  redirect: 'checkRedirect',
  'too-large': 'checkTooLarge',
};

/** What the admin reads after Check feed; `urgent` results mean the gateway will fail. */
export function describeCheck(check: FeedCheck): { urgent: boolean; lines: string[] } {
  if (check.kind === 'problem') {
    return { urgent: true, lines: [t(PROBLEMS[check.code], check.status ? t('checkHttpStatus', check.status) : '')] };
  }
  if (check.kind === 'judgements') {
    const judgements = t(check.total === 1 ? 'checkCountJudgement' : 'checkCountJudgements', number(check.total));
    return { urgent: true, lines: [t('checkJudgements', judgements), t('checkJudgementsFix')] };
  }
  if (check.total === 0) return { urgent: false, lines: [t('checkEmpty'), t('checkEmptyWhy')] };

  const entries = Object.entries(check.byType).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const isUsed = ([type]: [string, number]) => (GATEWAY_OBSERVABLE_TYPES as readonly string[]).includes(type);
  const used = entries.filter(isUsed);
  const unused = entries.filter((entry) => !isUsed(entry));
  const list = (items: [string, number][]) => items.map(([type, n]) => `${number(n)} ${type}`).join(', ');
  const observables = t(check.total === 1 ? 'checkCountObservable' : 'checkCountObservables', number(check.total));
  return {
    urgent: false,
    lines: [
      used.length > 0 ? t('checkOkWithTypes', observables, list(used)) : t('checkOk', observables),
      ...(unused.length > 0 ? [t('checkUnusedTypes', list(unused))] : []),
    ],
  };
}

function number(n: number): string {
  return n.toLocaleString(uiLanguage());
}
