/**
 * Keeps the URL hash equal to the configuration, so the address bar is always a link to what
 * is on screen, and loads a hash the person edits by hand.
 */
import { configToHash, viewFlagFieldsOf, withViewFields } from '../config';
import { EXPERIMENT_KEY, splitExperiment } from '../experiment/link';

/** The parts of `window.location` the sync reads. */
export type LocationLike = Pick<Location, 'hash' | 'pathname' | 'search'>;

/** The part of `window.history` the sync writes with. */
export type HistoryLike = Pick<History, 'replaceState' | 'state'>;

/** Where `hashchange` events come from (the window). */
export interface HashEvents {
  addEventListener(type: 'hashchange', listener: () => void): void;
  removeEventListener(type: 'hashchange', listener: () => void): void;
}

/**
 * Tells when the page is being left or hidden: calls `listener` and returns the unsubscribe.
 * The window's `pagehide` and the document's `visibilitychange` to hidden by default.
 */
export type OnLeave = (listener: () => void) => () => void;

export interface HashSyncOptions {
  readonly location: LocationLike;
  readonly history: HistoryLike;
  /** Hash edits by the person are reported to `onHashEdited` when given. */
  readonly events?: HashEvents;
  /** Milliseconds of quiet before the hash is written (a dragged slider writes once). */
  readonly delay?: number;
  /** When the page is left or hidden, a pending hash is written at once (see `OnLeave`). */
  readonly onLeave?: OnLeave;
  /**
   * Where a scheduled hash waits for a page that replaces this one before the address has it
   * (the tab's sessionStorage by default in the browser; see `HashSync` on why a reload needs it).
   */
  readonly handoff?: HandoffStorage;
}

/** The part of a Storage the hand-off uses. */
export type HandoffStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The hand-off's key in the storage. */
export const HASH_HANDOFF_KEY = 'activation-playground:hash-coming';

/**
 * The browser's signals that the page may be gone next: `pagehide` (reload, navigation, a
 * closed tab) and `visibilitychange` to hidden (a switched tab, a phone locked: pages are
 * often discarded from there without any further event).
 */
export const onWindowLeave: OnLeave = (listener) => {
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') listener();
  };
  window.addEventListener('pagehide', listener);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    window.removeEventListener('pagehide', listener);
    document.removeEventListener('visibilitychange', onVisibility);
  };
};

/** Default quiet time before writing the hash. */
export const HASH_WRITE_DELAY_MS = 200;

/**
 * A hash writer over one location and history.
 *
 * The last edit must survive a reload however soon it comes, and writing the address at once
 * is not enough: a reload may have taken the URL it loads already (Chromium fixes it before
 * `beforeunload` and `pagehide` run, and the quiet time's write may land after it). So every
 * hash is also handed off in the tab's storage as soon as it is scheduled, as "the page at
 * URL a has hash b coming"; the next page of the tab opened at URL a takes hash b instead.
 * Writing the address leaves the hand-off in place (a reload may be under way with URL a): a
 * page opened at the new URL ignores it, and the next edit replaces it. A hash the person
 * types withdraws it.
 */
export class HashSync {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pending: string | null = null;
  private readonly delay: number;
  private readonly onHashChange: () => void;
  private readonly stopLeaveListener: (() => void) | null;

  /** @param onHashEdited gets the new hash when the person changes it (not when we write it) */
  constructor(
    private readonly options: HashSyncOptions,
    onHashEdited: (hash: string) => void,
  ) {
    this.delay = options.delay ?? HASH_WRITE_DELAY_MS;
    this.onHashChange = () => {
      const hash = this.options.location.hash;
      // replaceState fires no hashchange, so this is the person (or a link on the page);
      // a pending write of the old config must not overwrite what they typed.
      this.cancel();
      onHashEdited(hash);
    };
    this.takeHandoff();
    options.events?.addEventListener('hashchange', this.onHashChange);
    // Leaving or hidden, the address is written at once: a discarded tab comes back from it.
    this.stopLeaveListener = options.onLeave?.(() => this.flush()) ?? null;
  }

  /** Writes `hash` for `config` after the quiet time; a newer call replaces an older one. */
  schedule(config: Parameters<typeof configToHash>[0]): void {
    this.pending = configToHash(config);
    const entry = {
      leftAt: this.urlWith(this.options.location.hash),
      hash: this.addressHash(this.pending),
    };
    this.storage((storage) => storage.setItem(HASH_HANDOFF_KEY, JSON.stringify(entry)));
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delay);
  }

  /** Writes a pending hash now. */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const pending = this.pending;
    this.pending = null;
    if (pending === null) return;
    const { location, history } = this.options;
    const hash = this.addressHash(pending);
    // replaceState, not pushState: every slider step in the back button would be a trap.
    if (location.hash !== hash) {
      history.replaceState(history.state, '', this.urlWith(hash));
    }
  }

  /**
   * The address's hash for the settings hash `settings`: view flags (embed=1, lr_hide=1) are
   * no settings but part of the link, kept; so is the experiment (`exp=`), which the
   * experiment dialog writes.
   */
  private addressHash(settings: string): string {
    const { hash } = this.options.location;
    const { experiment } = splitExperiment(hash);
    const kept = withViewFields(settings, viewFlagFieldsOf(hash));
    return experiment === null ? kept : `${kept}&${EXPERIMENT_KEY}=${experiment}`;
  }

  /** Opened at the URL where a page of this tab had a newer hash coming: take that hash. */
  private takeHandoff(): void {
    const raw = this.storage((storage) => storage.getItem(HASH_HANDOFF_KEY));
    if (raw === undefined || raw === null) return;
    this.withdrawHandoff();
    let entry: unknown;
    try {
      entry = JSON.parse(raw);
    } catch {
      return;
    }
    const { leftAt, hash } = (entry ?? {}) as { leftAt?: unknown; hash?: unknown };
    const { location, history } = this.options;
    if (typeof hash !== 'string' || !hash.startsWith('#')) return;
    if (leftAt !== this.urlWith(location.hash)) return;
    history.replaceState(history.state, '', this.urlWith(hash));
  }

  /** This page's URL (path and query) with `hash`: the hand-off's `leftAt` and every write. */
  private urlWith(hash: string): string {
    const { pathname, search } = this.options.location;
    return `${pathname}${search}${hash}`;
  }

  private withdrawHandoff(): void {
    this.storage((storage) => storage.removeItem(HASH_HANDOFF_KEY));
  }

  /** Runs `action` on the hand-off storage; a storage that throws (a sandboxed frame) is none. */
  private storage<T>(action: (storage: HandoffStorage) => T): T | undefined {
    const storage = this.options.handoff;
    if (!storage) return undefined;
    try {
      return action(storage);
    } catch {
      return undefined;
    }
  }

  /** Forgets a pending write, and its hand-off. */
  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
    this.withdrawHandoff();
  }

  /** Writes what is pending and stops listening. */
  dispose(): void {
    this.flush();
    this.options.events?.removeEventListener('hashchange', this.onHashChange);
    this.stopLeaveListener?.();
  }
}
