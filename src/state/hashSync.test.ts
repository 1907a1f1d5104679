import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../config';
import { configToHash } from '../config';
import { HASH_HANDOFF_KEY, HASH_WRITE_DELAY_MS, HashSync, type HandoffStorage } from './hashSync';

/** One tab: its address (kept across a reload, as the browser does) and its storage. */
class FakeTab {
  pathname = '/app/';
  search = '';
  hash = '#old';
  state: unknown = null;
  readonly storage = new Map<string, string>();
  private leaveListeners = new Set<() => void>();
  private hashListeners = new Set<() => void>();

  readonly location = this;
  readonly history = {
    state: null,
    replaceState: (_state: unknown, _unused: string, url?: string | URL | null) => {
      const text = String(url);
      this.hash = text.slice(text.indexOf('#'));
    },
  };
  readonly handoff: HandoffStorage = {
    getItem: (key) => this.storage.get(key) ?? null,
    setItem: (key, value) => void this.storage.set(key, value),
    removeItem: (key) => void this.storage.delete(key),
  };

  /** A page of this tab: a HashSync as the bridge makes it. */
  open(): HashSync {
    this.leaveListeners = new Set();
    this.hashListeners = new Set();
    return new HashSync(
      {
        location: this,
        history: this.history,
        handoff: this.handoff,
        events: {
          addEventListener: (_type, listener) => this.hashListeners.add(listener),
          removeEventListener: (_type, listener) => this.hashListeners.delete(listener),
        },
        onLeave: (listener) => {
          this.leaveListeners.add(listener);
          return () => this.leaveListeners.delete(listener);
        },
      },
      () => {},
    );
  }

  /** pagehide or visibilitychange to hidden. */
  leave(): void {
    for (const listener of this.leaveListeners) listener();
  }

  /**
   * A reload that, as in Chromium, loads the URL of before the page's leave handlers ran.
   * @returns the reloaded page
   */
  reload(): HashSync {
    const loaded = this.hash;
    this.leave();
    this.hash = loaded;
    return this.open();
  }

  /**
   * A reload whose next page starts before the old page's leave handlers ran (they may run
   * beside it, or never).
   * @returns the reloaded page
   */
  reloadBeforeLeave(): HashSync {
    return this.open();
  }

  /**
   * A reload that took its URL just before the old page's quiet time ran out: the old page
   * writes its address too late for it.
   * @returns the reloaded page
   */
  reloadAsTheQuietTimeEnds(): HashSync {
    const loaded = this.hash;
    vi.advanceTimersByTime(HASH_WRITE_DELAY_MS);
    this.leave();
    this.hash = loaded;
    return this.open();
  }

  typeHash(hash: string): void {
    this.hash = hash;
    for (const listener of this.hashListeners) listener();
  }
}

const EDITED = { ...DEFAULT_CONFIG, learningRate: 0.3 };

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('HashSync when the page is left', () => {
  it('writes the pending hash at once', () => {
    const tab = new FakeTab();
    tab.open().schedule(EDITED);
    tab.leave();
    expect(tab.hash).toBe(configToHash(EDITED));
  });

  // However the reload comes, the next page takes the edit and the hand-off is spent.
  it.each([
    ['left first, keeping the old URL', (tab: FakeTab) => tab.reload()],
    ['started before the old page was left', (tab: FakeTab) => tab.reloadBeforeLeave()],
    ['that took the URL as the quiet time ended', (tab: FakeTab) => tab.reloadAsTheQuietTimeEnds()],
  ])('hands the hash to a reload %s', (_way, reload) => {
    const tab = new FakeTab();
    tab.open().schedule(EDITED);
    reload(tab);
    expect(tab.hash).toBe(configToHash(EDITED));
    expect(tab.storage.has(HASH_HANDOFF_KEY)).toBe(false);
  });

  it('hands over the view flags and the experiment of the address with the settings', () => {
    const tab = new FakeTab();
    tab.hash = '#embed=1&exp=runs:3';
    tab.open().schedule(EDITED);
    tab.reloadBeforeLeave();
    expect(tab.hash).toBe(`${configToHash(EDITED)}&embed=1&exp=runs:3`);
  });

  it('a page reloaded after an edit and its undo shows the undone settings, not the edit', () => {
    const tab = new FakeTab();
    tab.hash = configToHash(DEFAULT_CONFIG);
    const sync = tab.open();
    sync.schedule(EDITED);
    vi.advanceTimersByTime(HASH_WRITE_DELAY_MS);
    // Undone: the address is again the URL the first hand-off was made at.
    sync.schedule(DEFAULT_CONFIG);
    vi.advanceTimersByTime(HASH_WRITE_DELAY_MS);
    expect(tab.hash).toBe(configToHash(DEFAULT_CONFIG));
    tab.reload();
    expect(tab.hash).toBe(configToHash(DEFAULT_CONFIG));
  });

  it('is ignored by a page opened at another address', () => {
    const tab = new FakeTab();
    tab.open().schedule(EDITED);
    tab.leave();
    tab.hash = '#dataset=xor';
    tab.open();
    expect(tab.hash).toBe('#dataset=xor');
    expect(tab.storage.has(HASH_HANDOFF_KEY)).toBe(false);
  });

  it('gives way to a hash the person types, before and after leaving', () => {
    for (const leaveFirst of [false, true]) {
      const tab = new FakeTab();
      const sync = tab.open();
      sync.schedule(EDITED);
      if (leaveFirst) tab.leave(); // hidden; then the person comes back
      tab.typeHash('#dataset=xor');
      expect(tab.storage.has(HASH_HANDOFF_KEY)).toBe(false);
      tab.reload();
      expect(tab.hash).toBe('#dataset=xor');
    }
  });

  it('does without a storage that throws (a sandboxed frame)', () => {
    const tab = new FakeTab();
    const throwing = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    const sync = new HashSync(
      {
        location: tab,
        history: tab.history,
        handoff: { getItem: throwing, setItem: throwing, removeItem: throwing },
        onLeave: (listener) => {
          queueMicrotask(listener);
          return () => {};
        },
      },
      () => {},
    );
    sync.schedule(EDITED);
    sync.flush();
    expect(tab.hash).toBe(configToHash(EDITED));
  });
});
