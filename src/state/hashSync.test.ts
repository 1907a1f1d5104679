import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../config';
import { configToHash } from '../config';
import { HASH_HANDOFF_KEY, HashSync, type HandoffStorage } from './hashSync';

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

  it('hands the hash to the reloaded page, which takes it even though the reload kept the old URL', () => {
    const tab = new FakeTab();
    tab.open().schedule(EDITED);
    tab.reload();
    expect(tab.hash).toBe(configToHash(EDITED));
    expect(tab.storage.has(HASH_HANDOFF_KEY)).toBe(false);
  });

  it('hands nothing over when nothing was pending', () => {
    const tab = new FakeTab();
    const sync = tab.open();
    sync.schedule(EDITED);
    vi.advanceTimersByTime(200);
    tab.leave();
    expect(tab.storage.has(HASH_HANDOFF_KEY)).toBe(false);
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

  it('is withdrawn when the page comes back and writes or is given a new hash', () => {
    for (const after of ['write', 'type'] as const) {
      const tab = new FakeTab();
      const sync = tab.open();
      sync.schedule(EDITED);
      tab.leave(); // hidden; then the person comes back
      if (after === 'write') {
        sync.schedule(DEFAULT_CONFIG);
        vi.advanceTimersByTime(200);
      } else {
        tab.typeHash('#dataset=xor');
      }
      expect(tab.storage.has(HASH_HANDOFF_KEY)).toBe(false);
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
