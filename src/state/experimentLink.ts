/**
 * The experiment's part of the address: the `exp=` key beside the playground's keys (see
 * src/experiment/link.ts). HashSync writes the playground's keys and keeps `exp=` as it is;
 * this writes `exp=` and keeps the playground's keys as they are, so neither overwrites the
 * other whichever writes last.
 */
import { EXPERIMENT_KEY, splitExperiment } from '../experiment/link';
import type { HistoryLike, LocationLike } from './hashSync';

/** The hash with `exp=` set to `value`, or without it for null; the other keys as they are. */
export function hashWithExperiment(hash: string, value: string | null): string {
  const { rest } = splitExperiment(hash);
  if (value === null) return rest;
  return rest === '#' ? `#${EXPERIMENT_KEY}=${value}` : `${rest}&${EXPERIMENT_KEY}=${value}`;
}

/** Writes `exp=` into the address (replaceState: no history entry, no hashchange). */
export function writeExperimentToAddress(
  value: string | null,
  location: LocationLike,
  history: HistoryLike,
): void {
  const hash = hashWithExperiment(location.hash, value);
  if (hash === location.hash || (hash === '#' && location.hash === '')) return;
  history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
}
