import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmAddTo } from '@/entrypoints/confirm-add/App';
import { questionAddress, questionIn, type AddToQuestion } from '@/utils/add-to-gateway/add-to-question';
import type { FeedDestination } from '@/utils/destinations/feed-destinations';
import type { Reply } from '@/utils/protocol/messages';
import { english } from '../support/english';
import { FEED_IDS } from '../support/feeds';

afterEach(cleanup);

const ASKED: AddToQuestion = { requestId: '00000000-0000-4000-8000-000000000001', feedTitle: 'Phishing domains & co', feedId: FEED_IDS[0], seenOn: 'xdr.us.security.cisco.com', gatewayOrigin: 'https://dh1234-esa1.iphmx.com' };

function open(question: AddToQuestion | null, answer: Reply<'confirm-add-to'> = { ok: true }, submitted: FeedDestination[] = []) {
  const confirm = vi.fn(async () => answer);
  const close = vi.fn();
  const destinations = vi.fn(async () => submitted);
  render(<ConfirmAddTo question={question} confirm={confirm} close={close} destinations={destinations} />);
  return { confirm, close, destinations };
}

describe('the confirmation window’s address', () => {
  it('carries the question whole, title and all, and nothing else', () => {
    const address = questionAddress(ASKED);
    expect(address.startsWith('/confirm-add.html?')).toBe(true);
    expect(questionIn(address.slice(address.indexOf('?')))).toEqual(ASKED);
    const { feedTitle: _, seenOn: __, ...bare } = ASKED;
    expect(questionIn(questionAddress(bare).split('?')[1]!)).toEqual(bare);
  });
});

describe('the Add to confirmation window', () => {
  it('names the feed by title and the start of its id, where it was copied and the gateway; adds only when Add is pressed, then closes', async () => {
    const { confirm, close } = open(ASKED);
    const add = await screen.findByRole('button', { name: 'Add to dh1234-esa1.iphmx.com' });
    expect(document.querySelector('dl')!.textContent).toBe(
      `${english('confirmAddFeed')}Phishing domains & co feed-8f2b1c3e…${english('confirmAddFrom')}copied on xdr.us.security.cisco.com${english('confirmAddGateway')}dh1234-esa1.iphmx.com`,
    );
    // Nothing is focused for the person: an Enter meant for another window adds nothing.
    expect(document.activeElement).toBe(document.body);
    expect(confirm).not.toHaveBeenCalled();
    fireEvent.click(add);
    await waitFor(() => expect(close).toHaveBeenCalledTimes(1));
    expect(confirm).toHaveBeenCalledTimes(1);
  });

  it('closes without adding on Cancel', async () => {
    const { confirm, close } = open(ASKED);
    fireEvent.click(await screen.findByRole('button', { name: english('confirmAddCancel') }));
    expect(close).toHaveBeenCalledTimes(1);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('says why, and stays open, when the gateway could not be opened', async () => {
    const { close } = open(ASKED, { ok: false, error: { code: 'unreachable-gateway', message: 'The gateway cannot be reached.' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Add to dh1234-esa1.iphmx.com' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The gateway cannot be reached.');
    expect(close).not.toHaveBeenCalled();
  });

  it('offers nothing to add for an address that does not say what to add', async () => {
    open(questionIn('?requestId=00000000-0000-4000-8000-000000000001&feedId=feed-8f2b1c3e'));
    expect((await screen.findByRole('alert')).textContent).toBe(english('refuseUnknownAddTo'));
    expect(screen.queryByRole('button', { name: /^Add/ })).toBeNull();
  });
});

describe('a feed already added to the gateway', () => {
  /** Noon local time this year, so no time zone moves the day and no year is shown. */
  const thisYear = (month: number, date: number) => new Date(new Date().getFullYear(), month - 1, date, 12).getTime();
  const submitted = (feedId: string, gatewayOrigin: string, sourceName: string, submittedAt: number): FeedDestination => ({ feedId, gatewayOrigin, sourceName, submittedAt });

  it('is said above Add, which still adds', async () => {
    const { confirm, close } = open(ASKED, { ok: true }, [
      submitted(FEED_IDS[1], ASKED.gatewayOrigin, 'XDR_C2', thisYear(3, 15)),
      submitted(FEED_IDS[0], 'https://esa.corp.example', 'XDR_phishing_onprem', thisYear(3, 14)),
      submitted(FEED_IDS[0], ASKED.gatewayOrigin, 'XDR_phishing', thisYear(3, 13)),
    ]);
    const notice = await screen.findByText(/^Already added/);
    expect(notice.textContent).toBe('Already added to dh1234-esa1.iphmx.com as XDR_phishing on Mar 13');
    const add = screen.getByRole('button', { name: 'Add to dh1234-esa1.iphmx.com' });
    expect(notice.compareDocumentPosition(add)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect(add.getAttribute('aria-describedby')).toBe(notice.id);
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(add);
    await waitFor(() => expect(close).toHaveBeenCalledTimes(1));
    expect(confirm).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['this feed added to another gateway only', [submitted(FEED_IDS[0], 'https://esa.corp.example', 'XDR_phishing', thisYear(3, 13))]],
    ['another feed added to this gateway', [submitted(FEED_IDS[1], ASKED.gatewayOrigin, 'XDR_C2', thisYear(3, 13))]],
    ['a window before any feed was added', []],
  ])('is not said for %s', async (_, list) => {
    const { destinations } = open(ASKED, { ok: true }, list);
    await waitFor(() => expect(destinations).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.querySelector('.already')).toBeNull();
    expect(screen.getByRole('button', { name: 'Add to dh1234-esa1.iphmx.com' }).getAttribute('aria-describedby')).toBeNull();
  });
});
