/**
 * Keeps the URL hash equal to the configuration, so the address bar is always a link to what
 * is on screen, and loads a hash the person edits by hand.
 */
import { configToHash, viewFlagFieldsOf, withViewFields } from '../config';

/** The parts of `window.location` the sync reads. */
export type LocationLike = Pick<Location, 'hash' | 'pathname' | 'search'>;

/** The part of `window.history` the sync writes with. */
export type HistoryLike = Pick<History, 'replaceState' | 'state'>;

/** Where `hashchange` events come from (the window). */
export interface HashEvents {
  addEventListener(type: 'hashchange', listener: () => void): void;
  removeEventListener(type: 'hashchange', listener: () => void): void;
}

export interface HashSyncOptions {
  readonly location: LocationLike;
  readonly history: HistoryLike;
  /** Hash edits by the person are reported to `onHashEdited` when given. */
  readonly events?: HashEvents;
  /** Milliseconds of quiet before the hash is written (a dragged slider writes once). */
  readonly delay?: number;
}

/** Default quiet time before writing the hash. */
export const HASH_WRITE_DELAY_MS = 200;

/** A hash writer over one location and history. */
export class HashSync {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pending: string | null = null;
  private readonly delay: number;
  private readonly onHashChange: () => void;

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
    options.events?.addEventListener('hashchange', this.onHashChange);
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
    const { location, history } = this.options;
    // View flags (embed=1, lr_hide=1) are no settings but part of the link: keep them.
    const hash = withViewFields(pending, viewFlagFieldsOf(location.hash));
    if (location.hash === hash) return;
    // replaceState, not pushState: every slider step in the back button would be a trap.
    history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
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
  }
}
