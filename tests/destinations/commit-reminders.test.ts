import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { COMMIT_REMINDER_TTL_MS, saveCommitReminder, takeCommitReminder } from '@/utils/destinations/commit-reminders';

const GATEWAY = 'https://dh1234-esa1.iphmx.com';
const OTHER = 'https://esa.corp.example';

beforeEach(() => fakeBrowser.reset());

describe('the reminder to commit a submitted source', () => {
  it('is taken once, by the same tab on the same gateway', async () => {
    await saveCommitReminder({ tabId: 3, origin: GATEWAY, sourceName: 'XDR_phishing' }, 1_000);
    expect(await takeCommitReminder(4, GATEWAY, 2_000)).toBeUndefined();
    expect(await takeCommitReminder(3, OTHER, 2_000)).toBeUndefined();
    expect(await takeCommitReminder(3, GATEWAY, 2_000)).toBe('XDR_phishing');
    expect(await takeCommitReminder(3, GATEWAY, 2_000)).toBeUndefined();
  });

  it('keeps one per tab: the tab’s latest submit', async () => {
    await saveCommitReminder({ tabId: 3, origin: GATEWAY, sourceName: 'first' }, 1_000);
    await saveCommitReminder({ tabId: 3, origin: GATEWAY, sourceName: 'second' }, 1_001);
    expect(await takeCommitReminder(3, GATEWAY, 2_000)).toBe('second');
    expect(await takeCommitReminder(3, GATEWAY, 2_000)).toBeUndefined();
  });

  it('ends with the clock', async () => {
    await saveCommitReminder({ tabId: 3, origin: GATEWAY, sourceName: 'XDR_phishing' }, 1_000);
    await saveCommitReminder({ tabId: 4, origin: GATEWAY, sourceName: 'XDR_malware' }, 1_000);
    expect(await takeCommitReminder(3, GATEWAY, 1_000 + COMMIT_REMINDER_TTL_MS - 1)).toBe('XDR_phishing');
    expect(await takeCommitReminder(4, GATEWAY, 1_000 + COMMIT_REMINDER_TTL_MS)).toBeUndefined();
  });

  it('keeps the ten newest tabs', async () => {
    for (let tab = 1; tab <= 12; tab++) await saveCommitReminder({ tabId: tab, origin: GATEWAY, sourceName: `s${tab}` }, tab);
    const left: (string | undefined)[] = [];
    for (let tab = 1; tab <= 12; tab++) left.push(await takeCommitReminder(tab, GATEWAY, 20));
    expect(left).toEqual([undefined, undefined, 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 's12']);
  });

  it('reads broken storage as no reminder, and is saved over it', async () => {
    await fakeBrowser.storage.session.set({ commitReminders: 'garbage' });
    expect(await takeCommitReminder(3, GATEWAY, 1)).toBeUndefined();
    await saveCommitReminder({ tabId: 3, origin: GATEWAY, sourceName: 'XDR_phishing' }, 1);
    expect(await takeCommitReminder(3, GATEWAY, 2)).toBe('XDR_phishing');
  });
});
