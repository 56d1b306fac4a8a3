import * as z from 'zod/mini';
import { oneShotStore } from '../platform/one-shot-store';
import { FeedKey } from '../feeds/stored-feed';
import { WholeNumber } from '../platform/whole-number';

/**
 * "Add to <gateway>" pressed in a console note waits here until the person confirms it in the
 * extension's own window: a click in a page proves less than a click in a surface the page cannot
 * draw over. One request per click, confirmed at most once, and not for long.
 */
export const ADD_TO_REQUEST_TTL_MS = 5 * 60_000;
/** Requests kept at once; a page cannot pile them up. */
const MAX_REQUESTS = 5;

/** A request's id: random, so that a confirmation window names the one click it answers. */
export const AddToRequestId = z.string().check(z.regex(/^[0-9a-f-]{36}$/));

const AddToRequest = z.object({
  id: AddToRequestId,
  key: FeedKey,
  origin: z.string(),
  /** The console tab the click came from: the gateway's tab opens beside it. */
  besideTabId: z.optional(WholeNumber),
  expires: z.number(),
});
export type AddToRequest = z.infer<typeof AddToRequest>;

/** In session storage: a service worker stopped while the window is open still knows the request. */
const requests = oneShotStore('addToRequests', AddToRequest, { ttlMs: ADD_TO_REQUEST_TTL_MS, max: MAX_REQUESTS });

/** Keeps a new request; returns it with its id. */
export function saveAddToRequest(request: Omit<AddToRequest, 'id' | 'expires'>, now: number, newId: () => string = () => crypto.randomUUID()): Promise<AddToRequest> {
  return requests.put({ ...request, id: newId() }, now);
}

/** Takes the request `id` out: it can be confirmed once only. */
export function takeAddToRequest(id: string, now: number): Promise<AddToRequest | undefined> {
  return requests.take((waiting) => waiting.id === id, now);
}
