/**
 * How the page is shown (embedded, presentation, hidden controls): a store apart from the
 * playground's, since none of it is a setting or reaches the worker. Read from the link's view
 * flags (see config/viewFlags.ts) at start and whenever the person edits the hash.
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  NO_VIEW_FLAGS,
  viewFlagFieldsOf,
  viewFlagsFromHash,
  viewFlagsToFields,
  type ControlId,
  type ViewFlags,
} from '../config';

export type ViewStore = StoreApi<ViewFlags>;

/** A view store starting from the flags in `hash`. */
export function createViewStore(hash = ''): ViewStore {
  return createStore<ViewFlags>()(() => (hash ? viewFlagsFromHash(hash) : NO_VIEW_FLAGS));
}

/** The page's view store, from the address it was opened with. */
export const viewStore: ViewStore = createViewStore(
  typeof window === 'undefined' ? '' : window.location.hash,
);

export function useView<T>(selector: (flags: ViewFlags) => T): T {
  return useStore(viewStore, selector);
}

/** True when a link flag hides `control`. */
export function useHidden(control: ControlId): boolean {
  return useView((flags) => flags.hidden.has(control));
}

/**
 * `hash` with its view-flag fields replaced by `flags` (in this page's own spelling). The
 * settings part is left as it is.
 */
export function hashWithFlags(hash: string, flags: ViewFlags): string {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const own = viewFlagFieldsOf(body).split('&');
  const settings = body.split('&').filter((segment) => segment && !own.includes(segment));
  const fields = viewFlagsToFields(flags);
  return '#' + [...settings, ...(fields ? [fields] : [])].join('&');
}

/** Turns presentation mode on or off, in the store and in the address bar. */
export function setPresentation(on: boolean): void {
  viewStore.setState({ presentation: on });
  if (typeof window === 'undefined') return;
  const hash = hashWithFlags(window.location.hash, viewStore.getState());
  window.history.replaceState(window.history.state, '', hash);
}
