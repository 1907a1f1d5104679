/**
 * A neuron's health word for React, from the diagnostics record: components re-render only
 * when that word changes (a neuron dying or coming back), never per frame.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { HEALTH_DEAD, HEALTH_SATURATED } from '../../nn';
import { useRuntime } from '../runtime';

export type HealthWord = '' | 'dead' | 'saturated';

/** The word of a health state, '' for a healthy unit. */
export function healthWord(state: number | undefined): HealthWord {
  if (state === HEALTH_DEAD) return 'dead';
  if (state === HEALTH_SATURATED) return 'saturated';
  return '';
}

/** The health word of unit `unit` of the latest pass (hidden units first, then outputs). */
export function useHealthWord(unit: number): HealthWord {
  const { hub } = useRuntime();
  const record = hub.diagnostics;
  const subscribe = useCallback((listener: () => void) => record.subscribe(listener), [record]);
  const read = useCallback(() => healthWord(record.health?.state[unit]), [record, unit]);
  return useSyncExternalStore(subscribe, read, read);
}
