/**
 * The stuck-run detector: notices a run that trains on without learning, which produces no
 * non-finite number and so no divergence. Pure: it is fed observations (a few a second, from
 * the diagnostics pass) and says when to pause.
 *
 * Two rules, either suffices:
 * - **saturated output**: the output's pre-activation in its flat region (nn/health.ts) for at
 *   least STUCK_SATURATED_SHARE of the training examples, with the loss no better than
 *   STUCK_LOSS_SHARE of chance level, in every observation over at least
 *   STUCK_SATURATED_EPOCHS epochs (a confident, right output is saturated too, but its loss
 *   is far below chance);
 * - **flat at chance**: the learning rate at least HIGH_LEARNING_RATE, the loss within
 *   CHANCE_TOLERANCE of chance level (or above it) and moving less than FLAT_TOLERANCE of
 *   itself, over at least STUCK_FLAT_EPOCHS epochs.
 *
 * After it fires once the detector stays silent until `reset` (a change of the network or its
 * settings): resuming the same run on purpose is not paused again.
 */

export const STUCK_SATURATED_SHARE = 0.99;
export const STUCK_LOSS_SHARE = 0.5;
export const STUCK_SATURATED_EPOCHS = 10;
export const HIGH_LEARNING_RATE = 1;
export const CHANCE_TOLERANCE = 0.05;
export const FLAT_TOLERANCE = 0.01;
export const STUCK_FLAT_EPOCHS = 100;

/** What the detector reads of one diagnostics pass. */
export interface StuckObservation {
  readonly epoch: number;
  /** Mean training loss at this epoch. */
  readonly trainLoss: number;
  /** The loss of the best constant prediction on the training set (nn/chance.ts). */
  readonly chanceLoss: number;
  /** The largest share of training examples in an output unit's flat region. */
  readonly outputFlatShare: number;
  readonly learningRate: number;
}

export type StuckVerdict =
  | {
      readonly rule: 'saturated';
      /** First epoch of the streak, the epoch now, and the flat share now (0 to 1). */
      readonly since: number;
      readonly epoch: number;
      readonly share: number;
    }
  | {
      readonly rule: 'chance';
      readonly since: number;
      readonly epoch: number;
      readonly loss: number;
    };

interface Streak {
  since: number;
  low: number;
  high: number;
}

export class StuckDetector {
  private saturated: Streak | null = null;
  private chance: Streak | null = null;
  private lastEpoch = -1;
  private fired = false;

  /** Forgets every streak and listens again (a new network, a patch, a reset, a revive). */
  reset(): void {
    this.saturated = null;
    this.chance = null;
    this.lastEpoch = -1;
    this.fired = false;
  }

  /** Takes one observation; returns a verdict when the run is stuck (once until `reset`). */
  observe(o: StuckObservation): StuckVerdict | null {
    if (this.fired || o.epoch <= this.lastEpoch) return null;
    this.lastEpoch = o.epoch;
    const finite = Number.isFinite(o.trainLoss) && o.chanceLoss > 0;
    const saturatedNow =
      finite &&
      o.outputFlatShare >= STUCK_SATURATED_SHARE &&
      o.trainLoss >= STUCK_LOSS_SHARE * o.chanceLoss;
    this.saturated = extend(this.saturated, saturatedNow, o);
    const chanceNow =
      finite &&
      o.learningRate >= HIGH_LEARNING_RATE &&
      o.trainLoss >= (1 - CHANCE_TOLERANCE) * o.chanceLoss;
    this.chance = extend(this.chance, chanceNow, o);
    if (this.chance && !withinFlatTolerance(this.chance)) {
      this.chance = { since: o.epoch, low: o.trainLoss, high: o.trainLoss };
    }
    let verdict: StuckVerdict | null = null;
    if (this.saturated && o.epoch - this.saturated.since >= STUCK_SATURATED_EPOCHS) {
      verdict = {
        rule: 'saturated',
        since: this.saturated.since,
        epoch: o.epoch,
        share: o.outputFlatShare,
      };
    } else if (this.chance && o.epoch - this.chance.since >= STUCK_FLAT_EPOCHS) {
      verdict = { rule: 'chance', since: this.chance.since, epoch: o.epoch, loss: o.trainLoss };
    }
    if (verdict) this.fired = true;
    return verdict;
  }
}

function extend(streak: Streak | null, holds: boolean, o: StuckObservation): Streak | null {
  if (!holds) return null;
  if (!streak) return { since: o.epoch, low: o.trainLoss, high: o.trainLoss };
  streak.low = Math.min(streak.low, o.trainLoss);
  streak.high = Math.max(streak.high, o.trainLoss);
  return streak;
}

function withinFlatTolerance(streak: Streak): boolean {
  return streak.high - streak.low <= FLAT_TOLERANCE * streak.high;
}
