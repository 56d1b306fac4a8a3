import { afterEach, describe, expect, it, vi } from 'vitest';
import { announceInPage } from '@/utils/gateway/announce-in-page';

afterEach(() => {
  vi.useRealTimers();
  document.querySelector('etf-autofill-announcement')?.remove();
});

describe('announceInPage', () => {
  it.each([
    [false, 'status'],
    [true, 'alert'],
  ])('urgent=%s shows the lines in an open shadow root with role %s, then goes away', (urgent, role) => {
    vi.useFakeTimers();
    announceInPage(document, { heading: 'ETF Autofill', lines: ['Filled 8 of 8 fields.', 'Nothing was submitted.'], urgent });
    const host = document.querySelector('etf-autofill-announcement')!;
    const box = host.shadowRoot!.querySelector(`[role="${role}"]`)!;
    expect([...box.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['ETF Autofill', 'Filled 8 of 8 fields.', 'Nothing was submitted.']);
    vi.advanceTimersByTime(10_000);
    expect(document.querySelector('etf-autofill-announcement')).toBeNull();
  });

  it('replaces an earlier announcement', () => {
    announceInPage(document, { heading: 'ETF Autofill', lines: ['first'], urgent: false });
    announceInPage(document, { heading: 'ETF Autofill', lines: ['second'], urgent: false });
    const hosts = document.querySelectorAll('etf-autofill-announcement');
    expect(hosts).toHaveLength(1);
    expect(hosts[0]!.shadowRoot!.textContent).toBe('ETF Autofillsecond');
  });
});
