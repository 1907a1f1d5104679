/** The training speeds the page offers. */

/** Epochs per second while running; null means as fast as the machine allows. */
export type Speed = number | null;

/** The speeds of the speed control, slowest first; null ("Max") last. */
export const SPEEDS: readonly Speed[] = [1, 3, 10, 30, 100, 300, 1000, null];

/**
 * The speed of a first visit: fast enough that the default network learns within seconds,
 * slow enough that a class can watch the boundary form and the loss curve fall.
 */
export const DEFAULT_SPEED: Speed = 30;

/** True when `value` is a speed the worker accepts: a positive finite number, or null. */
export function isSpeed(value: unknown): value is Speed {
  return value === null || (typeof value === 'number' && Number.isFinite(value) && value > 0);
}

/** What the speed control shows, e.g. "10 epochs/s", "1 epoch/s" or "Max". */
export function speedLabel(speed: Speed): string {
  if (speed === null) return 'Max';
  return `${speed} ${speed === 1 ? 'epoch' : 'epochs'}/s`;
}
