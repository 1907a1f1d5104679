/**
 * The worker's side of the diagnostics: a pass over the training set at the current weights
 * (nn/health.ts) a few times a second at most, never inside an epoch, so the training loop is
 * untouched; the per-layer gradient flow recorded with the loss history; and the stuck-run
 * detector fed from each pass.
 */
import { chanceLoss, diagnoseNetwork, type Network, type NetworkHealth } from '../nn';
import type { Session } from './session';
import { SeriesHistory } from './seriesHistory';
import { StuckDetector, type StuckVerdict } from './stuck';

/**
 * Least milliseconds between two diagnostics passes. A pass costs about a third of an epoch;
 * four a second is a few percent of the training time of the slowest useful network, and
 * faster than a person reads a histogram.
 */
export const DIAGNOSTICS_INTERVAL_MS = 250;
/** Gradient-flow points held for the next frame at most (as PENDING_HISTORY_POINTS). */
export const PENDING_GRADIENT_POINTS = 2048;

/** What one pass gives: the health to send and, when the run is stuck, the verdict. */
export interface DiagnosticsSample {
  readonly health: NetworkHealth;
  readonly verdict: StuckVerdict | null;
}

export class WorkerDiagnostics {
  readonly detector = new StuckDetector();
  private gradients = new SeriesHistory(0, PENDING_GRADIENT_POINTS);
  private chance = 0;
  private lastSampleAt = -Infinity;
  private sampledVersion = -1;
  private scratch = new Float64Array(0);

  /** A new network (or the same redrawn): new chance level, gradient series and detector. */
  build(session: Session): void {
    const { net } = session;
    this.chance = chanceLoss(net.spec.output.loss, session.train, net.outputSize);
    this.gradients = new SeriesHistory(net.hiddenLayerCount, PENDING_GRADIENT_POINTS);
    this.scratch = new Float64Array(net.hiddenLayerCount);
    this.detector.reset();
    this.sampledVersion = -1;
    this.lastSampleAt = -Infinity;
  }

  /** The network or its settings changed by hand: the detector listens afresh. */
  edited(): void {
    this.detector.reset();
    // The next frame shows the change's diagnosis at once.
    this.lastSampleAt = -Infinity;
  }

  /** Records the gradient flow of the epoch just trained (the net's statistics), at `epoch`. */
  recordEpoch(net: Network, epoch: number): void {
    layerMeanGradients(net, this.scratch);
    this.gradients.appendPoint(epoch, this.scratch);
  }

  /** The end of the gradient series, for a frame: the point at `epoch` added if missing. */
  drainGradients(net: Network, epoch: number): { epochs: Float64Array; values: Float64Array } {
    if (this.gradients.lastEpoch !== epoch && net.statExamples > 0) this.recordEpoch(net, epoch);
    return this.gradients.drain();
  }

  /** Milliseconds until a pass is owed for `version` at `now`; null when none is. */
  owedDelay(now: number, version: number): number | null {
    if (version === this.sampledVersion) return null;
    return Math.max(0, this.lastSampleAt + DIAGNOSTICS_INTERVAL_MS - now);
  }

  /**
   * Runs a pass when one is owed and allowed at `now`, and feeds the detector.
   * @param trainLoss the training loss at these weights (the frame's)
   * @param live false for a timeline snapshot: diagnosed, but not fed to the stuck detector,
   *   whose epochs must run forward
   */
  sample(
    session: Session,
    now: number,
    version: number,
    trainLoss: number,
    live = true,
  ): DiagnosticsSample | null {
    if (this.owedDelay(now, version) !== 0) return null;
    this.lastSampleAt = now;
    this.sampledVersion = version;
    const { net } = session;
    const health = diagnoseNetwork(net, session.train);
    let outputFlatShare = 0;
    for (let u = health.units - net.outputSize; u < health.units; u++) {
      outputFlatShare = Math.max(outputFlatShare, health.flatShare[u] as number);
    }
    if (!live) return { health, verdict: null };
    const verdict = this.detector.observe({
      epoch: session.epoch,
      trainLoss,
      chanceLoss: this.chance,
      outputFlatShare,
      learningRate: session.config.learningRate,
    });
    return { health, verdict };
  }
}

/** Mean over each hidden layer's neurons of their mean |dLoss/dPre| (nn/stats.ts), into `out`. */
export function layerMeanGradients(net: Network, out: Float64Array): Float64Array {
  const count = net.statExamples;
  for (let k = 1; k < net.outputLayer; k++) {
    const start = net.unitStart[k] as number;
    const end = net.unitStart[k + 1] as number;
    let sum = 0;
    for (let u = start; u < end; u++) sum += net.statGradAbsSum[u] as number;
    out[k - 1] = count > 0 ? sum / count / (end - start) : NaN;
  }
  return out;
}

/** The health's buffers, for postMessage's transfer list. */
export function healthTransferables(health: NetworkHealth): ArrayBuffer[] {
  return [
    health.low,
    health.high,
    health.histogram,
    health.curve,
    health.curveFlat,
    health.flatShare,
    health.deadShare,
    health.state,
  ].map((array) => array.buffer as ArrayBuffer);
}
