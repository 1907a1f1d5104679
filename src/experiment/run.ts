/**
 * One run of an experiment: a configuration trained a number of epochs, the same way the
 * playground's Trainer trains it (src/worker/trainer.ts `trainOneEpoch`): the session of
 * `buildSession`, then per epoch a snapshot, `trainEpoch` and the test set's evaluation, with
 * divergence decided by the steps and the test loss. So one run gives the numbers of the
 * playground opened with its configuration and trained as many epochs, bit for bit;
 * run.test.ts holds the two together.
 */
import {
  applyActivations,
  DivergenceError,
  evaluate,
  freezeMixtures,
  trainEpoch,
  type Evaluation,
} from '../nn';
import type { PlaygroundConfig } from '../config';
import { buildSession } from '../worker/session';
import type { Target } from './definition';

/** Loss and accuracy on the training and test sets; accuracies are NaN for regression. */
export interface FinalNumbers {
  readonly trainLoss: number;
  readonly trainAccuracy: number;
  readonly testLoss: number;
  readonly testAccuracy: number;
}

/** Where a run diverged: the epoch (1-based) and optimizer step that went non-finite. */
export interface Divergence {
  readonly epoch: number;
  readonly step: number;
}

export interface RunOutcome {
  /** Epochs completed: the budget, or the epochs before the one that diverged. */
  readonly epochs: number;
  /** Test loss before training (index 0) and after each completed epoch: `epochs + 1` values. */
  readonly testLossCurve: Float64Array;
  /** After the last completed epoch (for a diverged run, the parameters from before it). */
  readonly final: FinalNumbers;
  /** First epoch (0 = untrained) at which the test set met the target; null if none did. */
  readonly epochsToTarget: number | null;
  readonly diverged: Divergence | null;
}

function meets(target: Target, test: Evaluation): boolean {
  return target.metric === 'testLoss' ? test.loss <= target.value : test.accuracy >= target.value;
}

/**
 * Trains `config` for `epochs` epochs from its seed and reports the test loss of every epoch,
 * the final numbers, when the target was first met and whether training diverged.
 * @param freezeAt after this many epochs the learned choices are frozen (weights kept), as
 *   the playground's "Freeze choices" does between two epochs; null never
 * @throws RangeError for a configuration the settings table refuses (as a build would)
 */
export function runOne(
  config: PlaygroundConfig,
  epochs: number,
  target: Target,
  freezeAt: number | null = null,
): RunOutcome {
  const session = buildSession(config, 0);
  const { net, order, snapshot } = session;
  const curve = new Float64Array(epochs + 1);
  let test = evaluate(net, session.test);
  curve[0] = test.loss;
  let epochsToTarget: number | null = meets(target, test) ? 0 : null;
  let diverged: Divergence | null = null;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    if (epoch - 1 === freezeAt) applyActivations(net, freezeMixtures(net));
    // The Trainer's epoch: snapshot, train, evaluate the test set, decide divergence.
    snapshot.take(net, order);
    try {
      trainEpoch(net, session.train, config.batchSize, session.shuffleRng, order);
    } catch (error) {
      if (!(error instanceof DivergenceError)) throw error;
      diverged = { epoch, step: error.step };
      break;
    }
    test = evaluate(net, session.test);
    if (!Number.isFinite(test.loss)) {
      diverged = { epoch, step: net.stepCount };
      break;
    }
    curve[epoch] = test.loss;
    session.epoch = epoch;
    if (epochsToTarget === null && meets(target, test)) epochsToTarget = epoch;
  }
  if (diverged) {
    // As the Trainer does: back to the parameters from before the epoch that diverged.
    snapshot.restore(net, order);
    test = evaluate(net, session.test);
  }
  const train = evaluate(net, session.train);
  return {
    epochs: session.epoch,
    testLossCurve: diverged ? curve.slice(0, session.epoch + 1) : curve,
    final: {
      trainLoss: train.loss,
      trainAccuracy: train.accuracy,
      testLoss: test.loss,
      testAccuracy: test.accuracy,
    },
    epochsToTarget,
    diverged,
  };
}
