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

  it('draws it in the bottom-right corner above everything on the page, light text on a dark box, its lines apart', () => {
    announceInPage(document, { heading: 'ETF Autofill', lines: ['Filled 8 of 8 fields.'], urgent: false });
    const box = document.querySelector('etf-autofill-announcement')!.shadowRoot!.querySelector<HTMLElement>('[role="status"]')!;
    const { position, right, bottom, zIndex, maxWidth, padding, borderRadius, backgroundColor, color, font } = box.style;
    expect({ position, right, bottom, zIndex, maxWidth, padding, borderRadius, backgroundColor, color, font }).toEqual({
      position: 'fixed',
      right: '16px',
      bottom: '16px',
      zIndex: '2147483647',
      maxWidth: '420px',
      padding: '10px 14px',
      borderRadius: '6px',
      backgroundColor: '#1b1f24',
      color: '#fff',
      font: '13px / 1.4 system-ui, sans-serif',
    });
    expect([...box.querySelectorAll('p')].map((p) => p.style.margin)).toEqual(['0px 0px 4px', '0px 0px 4px']);
  });

  it('draws it, without throwing, in a document that has no window (one made by createHTMLDocument), where it then stays', () => {
    const page = document.implementation.createHTMLDocument('Add Source');
    expect(page.defaultView).toBeNull();
    announceInPage(page, { heading: 'ETF Autofill', lines: ['Filled 8 of 8 fields.'], urgent: true });
    expect(page.querySelector('etf-autofill-announcement')!.shadowRoot!.textContent).toBe('ETF AutofillFilled 8 of 8 fields.');
  });

  it('replaces an earlier announcement', () => {
    announceInPage(document, { heading: 'ETF Autofill', lines: ['first'], urgent: false });
    announceInPage(document, { heading: 'ETF Autofill', lines: ['second'], urgent: false });
    const hosts = document.querySelectorAll('etf-autofill-announcement');
    expect(hosts).toHaveLength(1);
    expect(hosts[0]!.shadowRoot!.textContent).toBe('ETF Autofillsecond');
  });
});
