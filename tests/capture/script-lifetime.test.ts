import { describe, expect, it, vi } from 'vitest';
import { createScriptLifetime } from '@/utils/in-page/script-lifetime';

describe('the content script’s lifetime', () => {
  it('ends only when the extension is gone, and runs what was tied to it once', () => {
    let extensionIsThere = true;
    const lifetime = createScriptLifetime(() => extensionIsThere);
    const removeNotes = vi.fn();
    lifetime.onInvalidated(removeNotes);
    // What WXT's context ends on: any page can replay the start-up announcement it posts.
    document.dispatchEvent(new CustomEvent('wxt:content-script-started', { detail: { contentScriptName: 'cisco', messageId: 'page' } }));
    window.postMessage({ type: 'wxt:content-script-started', contentScriptName: 'cisco', messageId: 'page' }, '*');
    expect(lifetime.isValid()).toBe(true);
    expect(removeNotes).not.toHaveBeenCalled();

    extensionIsThere = false;
    expect(lifetime.isValid()).toBe(false);
    expect(lifetime.isValid()).toBe(false);
    expect(lifetime.signal.aborted).toBe(true);
    expect(removeNotes).toHaveBeenCalledTimes(1);
  });

  it('fires a timer while the extension is there, and none after', () => {
    vi.useFakeTimers();
    let extensionIsThere = true;
    const lifetime = createScriptLifetime(() => extensionIsThere);
    const batch = vi.fn();
    lifetime.setTimeout(batch, 100);
    vi.advanceTimersByTime(100);
    expect(batch).toHaveBeenCalledTimes(1);
    lifetime.setTimeout(batch, 100);
    extensionIsThere = false;
    vi.advanceTimersByTime(100);
    expect(batch).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
});
