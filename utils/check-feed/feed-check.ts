/** What the gateway will make of a feed, judged from one request to exactly the URL it polls. */
export type FeedCheck =
  | { kind: 'observables'; total: number; byType: Record<string, number> }
  | { kind: 'judgements'; total: number }
  | { kind: 'problem'; code: FeedProblem; status?: number };

export type FeedProblem =
  | 'wrong-secret'
  | 'not-found'
  | 'missing-secret'
  | 'http-error'
  | 'not-json'
  | 'unexpected-json'
  | 'redirect'
  | 'network'
  | 'timeout'
  | 'too-large'
  | 'permission-refused';

/** What came back: the status and, when it was read, the body. */
export interface FeedResponse {
  status: number;
  body: string;
}

/** Observable types the gateway's External Threat Feeds take; others are polled and ignored. */
export const GATEWAY_OBSERVABLE_TYPES = ['domain', 'url', 'ip', 'ipv6', 'sha256'] as const;

/** Classifies the answer of `GET <pollingPath>?s=<secret>`, as CTIA gives it. */
export function classifyFeedResponse({ status, body }: FeedResponse): FeedCheck {
  if (status === 401) return { kind: 'problem', code: 'wrong-secret', status };
  if (status === 404) return { kind: 'problem', code: 'not-found', status };
  if (status === 400) return { kind: 'problem', code: 'missing-secret', status };
  if (status !== 200) return { kind: 'problem', code: 'http-error', status };

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { kind: 'problem', code: 'not-json', status };
  }
  if (json === null || typeof json !== 'object') return { kind: 'problem', code: 'unexpected-json', status };
  const { observables, judgements } = json as { observables?: unknown; judgements?: unknown };
  if (Array.isArray(judgements) && !Array.isArray(observables)) return { kind: 'judgements', total: judgements.length };
  if (!Array.isArray(observables)) return { kind: 'problem', code: 'unexpected-json', status };

  // No prototype: a type named "constructor" or "__proto__" is counted like any other.
  const byType: Record<string, number> = Object.create(null);
  for (const observable of observables) {
    const type = typeof observable?.type === 'string' ? observable.type.toLowerCase() : 'unknown';
    byType[type] = (byType[type] ?? 0) + 1;
  }
  return { kind: 'observables', total: observables.length, byType };
}
