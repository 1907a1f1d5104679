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
   * Where a hash written as the page is left waits for the page that replaces it (the tab's
   * sessionStorage by default in the browser; see `HashSync` on why a reload needs it).
   */
  readonly handoff?: HandoffStorage;
}

/** The part of a Storage the hand-off uses. */
export type HandoffStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The hand-off's key in the storage. */
export const HASH_HANDOFF_KEY = 'activation-playground:hash-on-leave';

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
 * Leaving the page writes a pending hash at once, but a reload has already taken the URL it
 * loads by then (Chromium fixes it before `beforeunload` and `pagehide` run), so a write at
 * that moment alone would be lost to a quick reload. The written hash is therefore also
 * handed off in the tab's storage, as "the page at URL a left with hash b"; the next page of
 * the tab opened at URL a takes hash b instead. Anything written or typed after leaving (the
 * page came back) withdraws the hand-off.
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
      this.withdrawHandoff();
      onHashEdited(hash);
    };
    this.takeHandoff();
    options.events?.addEventListener('hashchange', this.onHashChange);
    // The last edit must survive a reload or a closed tab however soon it comes.
    this.stopLeaveListener = options.onLeave?.(() => this.leave()) ?? null;
  }

  /** Writes `hash` for `config` after the quiet time; a newer call replaces an older one. */
  schedule(config: Parameters<typeof configToHash>[0]): void {
    this.pending = configToHash(config);
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
    this.withdrawHandoff();
    const { location, history } = this.options;
    // View flags (embed=1, lr_hide=1) are no settings but part of the link: kept. So is the
    // experiment (`exp=`), which the experiment dialog writes.
    const { experiment } = splitExperiment(location.hash);
    const kept = withViewFields(pending, viewFlagFieldsOf(location.hash));
    const hash = experiment === null ? kept : `${kept}&${EXPERIMENT_KEY}=${experiment}`;
    if (location.hash === hash) return;
    // replaceState, not pushState: every slider step in the back button would be a trap.
    history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
  }

  /** The page is being left or hidden: write now, and hand the hash to the next page. */
  private leave(): void {
    const { location } = this.options;
    const leftAt = `${location.pathname}${location.search}${location.hash}`;
    const hash = this.pending;
    this.flush();
    if (hash === null) return;
    this.storage((storage) => storage.setItem(HASH_HANDOFF_KEY, JSON.stringify({ leftAt, hash })));
  }

  /** Opened at the URL a page of this tab left with a newer hash: take that hash. */
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
    const here = `${location.pathname}${location.search}`;
    if (typeof hash !== 'string' || !hash.startsWith('#')) return;
    if (leftAt !== `${here}${location.hash}`) return;
    history.replaceState(history.state, '', `${here}${hash}`);
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

  /** Forgets a pending write. */
  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }

  /** Writes what is pending and stops listening. */
  dispose(): void {
    this.flush();
    this.options.events?.removeEventListener('hashchange', this.onHashChange);
    this.stopLeaveListener?.();
  }
}
