/**
 * The training loop of the worker, free of any Worker API so tests drive it directly: it
 * takes commands through `handle`, trains in `runSlice` calls and talks back through the
 * injected `post`. Time comes only from the injected clock.
 *
 * Determinism: the unit of work is the whole epoch. Clocks, slice budgets, the speed setting
 * and frame acknowledgements decide only *when* an epoch runs, never what it computes, so
 * the same configuration trained N epochs gives the same numbers bit for bit however it got
 * there.
 */
import {
  DivergenceError,
  evaluate,
  evaluateGrid,
  gridSize,
  readNeuronStats,
  setBias,
  setWeight,
  SpecError,
  trainEpoch,
  type Evaluation,
} from '../nn';
import { featurePlanes } from '../data';
import { divergenceHint } from './hint';
import { PendingHistory } from './history';
import { frameTransferables, type Frame, type WorkerCommand, type WorkerEvent } from './protocol';
import { RateMeter } from './rateMeter';
import { buildSession, flattenPoints, patchSession, resetSession, type Session } from './session';

/** Sends an event to the page, transferring the listed buffers. */
export type PostEvent = (event: WorkerEvent, transfer: Transferable[]) => void;

/** Shortest time between two frames, in milliseconds (one display refresh at 60 Hz). */
export const FRAME_INTERVAL_MS = 16;
/** Heatmap grid side before any `resolution` command, and its bounds. */
export const DEFAULT_RESOLUTION = 50;
export const MIN_RESOLUTION = 8;
export const MAX_RESOLUTION = 128;
/**
 * Epochs one slice may train whatever the clock says: a guard against a clock that stands
 * still (as in tests), far above what fits in a slice on a real clock for useful networks.
 */
export const MAX_EPOCHS_PER_SLICE = 1000;
/**
 * Loss history points wanted per second while running. Evaluating the train and test sets
 * costs about as much as an epoch of training, so at high speed only every k-th epoch is
 * evaluated for the chart (k a power of two chosen from the measured speed). Which epochs
 * get a point thus depends on timing; the value at each epoch does not.
 */
export const HISTORY_POINTS_PER_SECOND = 100;
/** At a limited speed, epochs owed after a stall that may be caught up at once, in seconds. */
const MAX_CATCH_UP_SECONDS = 0.25;

interface Evaluations {
  readonly train: Evaluation;
  readonly test: Evaluation;
}

export class Trainer {
  private session: Session | null = null;
  private running = false;
  /** Epochs per second while running; null for as many as fit. */
  private speed: number | null = null;
  /** Epochs owed by the speed limit, and when that was last brought up to date. */
  private credit = 0;
  private creditTime = 0;
  private pendingSteps = 0;
  private resolution = DEFAULT_RESOLUTION;
  /** The inputs over the grid: depend on the build's features and the resolution only. */
  private planes: Float64Array = new Float64Array(0);
  private frameOutstanding = false;
  private frameWanted = false;
  private lastFrameTime = -Infinity;
  /** Bumped whenever anything changes the network's outputs; keys the evaluation cache. */
  private version = 0;
  private cached: { version: number; value: Evaluations } | null = null;
  private cachedTest: { version: number; value: Evaluation } | null = null;
  private historyStride = 1;
  private totalEpochs = 0;
  private readonly history = new PendingHistory();
  private readonly meter = new RateMeter();

  /**
   * @param post sends an event to the page (`self.postMessage` in the worker)
   * @param now the clock, in milliseconds (`performance.now` in the worker)
   */
  constructor(
    private readonly post: PostEvent,
    private readonly now: () => number,
  ) {}

  /**
   * Carries out one command. A command that cannot be carried out changes nothing and posts
   * `failed` with the reason. May post a frame at once when one is allowed.
   */
  handle(command: WorkerCommand): void {
    try {
      this.apply(command);
    } catch (error) {
      const message = failureMessage(command, error);
      this.post({ type: 'failed', message, command: command.type }, []);
    }
    this.sendFrameIfAllowed();
  }

  /**
   * Trains whole epochs (pending steps first, then, while running, as many as the speed limit
   * allows) until `budgetMs` has passed, then sends a frame if one is wanted and allowed.
   * At least one epoch runs when any is due, however small the budget.
   * @returns whether there is more to do; `nextDelayMs` says when.
   */
  runSlice(budgetMs: number): boolean {
    try {
      this.trainSlice(budgetMs);
      this.sendFrameIfAllowed();
    } catch (error) {
      // A bug, not a divergence: stop, so the next slice does not hit it again forever.
      this.running = false;
      this.pendingSteps = 0;
      this.frameWanted = false;
      const reason = error instanceof Error ? error.message : String(error);
      this.post({ type: 'failed', message: `Training stopped on an error: ${reason}` }, []);
    }
    return this.nextDelayMs() !== null;
  }

  /**
   * Milliseconds until `runSlice` has something to do: 0 for at once, null for nothing until
   * the next command (paused, no steps pending, and no frame waiting or the last one unanswered).
   */
  nextDelayMs(): number | null {
    if (!this.session) return null;
    if (this.pendingSteps > 0) return 0;
    let delay: number | null = null;
    const now = this.now();
    if (this.running) {
      delay = this.speed === null ? 0 : Math.max(0, ((1 - this.credit) * 1000) / this.speed);
    }
    if (this.frameWanted && !this.frameOutstanding) {
      const frameDelay = Math.max(0, this.lastFrameTime + FRAME_INTERVAL_MS - now);
      delay = delay === null ? frameDelay : Math.min(delay, frameDelay);
    }
    return delay;
  }

  private trainSlice(budgetMs: number): void {
    const session = this.session;
    if (!session) return;
    const start = this.now();
    this.updateHistoryStride(start);
    this.updateCredit(start);
    let epochs = 0;
    while (epochs < MAX_EPOCHS_PER_SLICE && this.takeDueEpoch()) {
      if (!this.trainOneEpoch(session)) break;
      epochs++;
      if (this.now() - start >= budgetMs) break;
    }
    if (epochs > 0) this.meter.record(this.now(), this.totalEpochs);
  }

  private apply(command: WorkerCommand): void {
    switch (command.type) {
      case 'build':
        return this.build(command.config, command.generation);
      case 'patch':
        patchSession(this.requireSession(), command.config);
        return this.changed();
      case 'reset': {
        const session = this.requireSession();
        session.generation = command.generation;
        resetSession(session);
        this.history.clear();
        this.pendingSteps = 0;
        return this.changed();
      }
      case 'run':
        return this.setRunning(command.running);
      case 'speed':
        return this.setSpeed(command.epochsPerSecond);
      case 'step':
        if (!Number.isInteger(command.epochs) || command.epochs < 1) {
          throw new SpecError('epochs', 'an integer of 1 or more', command.epochs);
        }
        this.requireSession();
        this.pendingSteps += command.epochs;
        return;
      case 'setWeight': {
        const { layer, neuron, from, value } = command;
        setWeight(this.requireSession().net, layer, neuron, from, value);
        return this.changed();
      }
      case 'setBias':
        setBias(this.requireSession().net, command.layer, command.neuron, command.value);
        return this.changed();
      case 'resolution':
        return this.setResolution(command.n);
      case 'frameDone':
        this.frameOutstanding = false;
        return;
    }
  }

  private build(config: Session['config'], generation: number): void {
    // Built aside first: an invalid configuration throws here and the old session stays.
    // Its frames keep their old generation, which the page drops, so it never draws a network
    // of a shape it does not expect.
    const session = buildSession(config, generation);
    const planes = featurePlanes(config.features, this.resolution);
    this.session = session;
    this.planes = planes;
    this.history.clear();
    this.pendingSteps = 0;
    const train = flattenPoints(session.trainPoints);
    const test = flattenPoints(session.testPoints);
    this.post({ type: 'data', generation, train: { xyLabel: train }, test: { xyLabel: test } }, [
      train.buffer,
      test.buffer,
    ]);
    this.changed();
  }

  private setRunning(running: boolean): void {
    if (running && !this.running) {
      // Start with one epoch owed, so a limited speed answers the play button at once.
      this.credit = 1;
      this.creditTime = this.now();
    }
    if (!running) this.meter.clear();
    this.running = running;
    this.frameWanted = true;
  }

  private setSpeed(epochsPerSecond: number | null): void {
    if (epochsPerSecond !== null && !(Number.isFinite(epochsPerSecond) && epochsPerSecond > 0)) {
      throw new SpecError('epochsPerSecond', 'a positive number or null', epochsPerSecond);
    }
    this.speed = epochsPerSecond;
    this.credit = Math.min(this.credit, 1);
    this.creditTime = this.now();
  }

  private setResolution(n: number): void {
    if (!Number.isInteger(n) || n < MIN_RESOLUTION || n > MAX_RESOLUTION) {
      throw new SpecError('n', `an integer from ${MIN_RESOLUTION} to ${MAX_RESOLUTION}`, n);
    }
    if (n === this.resolution) return;
    this.resolution = n;
    if (this.session) this.planes = featurePlanes(this.session.config.features, n);
    this.frameWanted = true;
  }

  private requireSession(): Session {
    if (!this.session) throw new Error('there is no network yet (send a build first)');
    return this.session;
  }

  /** The network's outputs changed outside training: evaluate afresh and show it. */
  private changed(): void {
    this.version++;
    this.frameWanted = true;
  }

  private updateCredit(now: number): void {
    if (!this.running || this.speed === null) return;
    const owed = this.credit + ((now - this.creditTime) * this.speed) / 1000;
    this.credit = Math.min(owed, Math.max(1, this.speed * MAX_CATCH_UP_SECONDS));
    this.creditTime = now;
  }

  /** Whether an epoch is due now, consuming it: a pending step, or one the speed allows. */
  private takeDueEpoch(): boolean {
    if (this.pendingSteps > 0) {
      this.pendingSteps--;
      return true;
    }
    if (!this.running) return false;
    if (this.speed === null) return true;
    if (this.credit < 1) return false;
    this.credit -= 1;
    return true;
  }

  private updateHistoryStride(now: number): void {
    const rate = this.running ? this.meter.rate(now) : 0;
    let stride = 1;
    while (rate / stride > HISTORY_POINTS_PER_SECOND && stride < 1024) stride *= 2;
    this.historyStride = stride;
  }

  /** One epoch; on divergence puts the parameters back, pauses, reports and returns false. */
  private trainOneEpoch(session: Session): boolean {
    const { net, order, snapshot } = session;
    const epoch = session.epoch + 1;
    snapshot.take(net, order);
    try {
      trainEpoch(net, session.train, session.config.batchSize, session.shuffleRng, order);
    } catch (error) {
      if (!(error instanceof DivergenceError)) throw error;
      this.diverge(session, epoch, error.step);
      return false;
    }
    this.version++;
    // The steps check only the examples they train on; the test set may overflow alone. It is
    // checked after every epoch (not only on the epochs evaluated for the chart), so the epoch
    // a divergence is reported at never depends on timing.
    const test = this.testEvaluation(session);
    if (!Number.isFinite(test.loss)) {
      this.diverge(session, epoch, net.stepCount);
      return false;
    }
    if (epoch % this.historyStride === 0) {
      const { train } = this.evaluations(session);
      if (!Number.isFinite(train.loss)) {
        this.diverge(session, epoch, net.stepCount);
        return false;
      }
      this.history.push(epoch, train.loss, test.loss);
    }
    session.epoch = epoch;
    this.totalEpochs++;
    this.frameWanted = true;
    return true;
  }

  /** Puts back the parameters from before epoch `epoch` (1-based), pauses and reports. */
  private diverge(session: Session, epoch: number, step: number): void {
    session.snapshot.restore(session.net, session.order);
    this.version++;
    this.running = false;
    this.pendingSteps = 0;
    this.meter.clear();
    this.frameWanted = true;
    this.post(
      {
        type: 'diverged',
        generation: session.generation,
        epoch,
        step,
        hint: divergenceHint(session.config),
      },
      [],
    );
  }

  private evaluations(session: Session): Evaluations {
    if (this.cached?.version !== this.version) {
      const value = {
        train: evaluate(session.net, session.train),
        test: this.testEvaluation(session),
      };
      this.cached = { version: this.version, value };
    }
    return this.cached.value;
  }

  /** The test set's loss and accuracy for the current parameters, computed once per version. */
  private testEvaluation(session: Session): Evaluation {
    if (this.cachedTest?.version !== this.version) {
      this.cachedTest = { version: this.version, value: evaluate(session.net, session.test) };
    }
    return this.cachedTest.value;
  }

  private sendFrameIfAllowed(): void {
    const session = this.session;
    if (!session || !this.frameWanted || this.frameOutstanding) return;
    const now = this.now();
    if (now - this.lastFrameTime < FRAME_INTERVAL_MS) return;
    const frame = this.makeFrame(session, now);
    this.frameWanted = false;
    this.frameOutstanding = true;
    this.lastFrameTime = now;
    this.post(frame, frameTransferables(frame));
  }

  /** A frame of fresh arrays: they are transferred, so none may be kept or reused. */
  private makeFrame(session: Session, now: number): Frame {
    const { net } = session;
    const n = this.resolution;
    const grid = new Float32Array(gridSize(net, n));
    evaluateGrid(net, this.planes, n, grid);
    const { train, test } = this.evaluations(session);
    if (this.history.lastEpoch !== session.epoch) {
      this.history.push(session.epoch, train.loss, test.loss, true);
    }
    const history = this.history.drain();
    const stats = readNeuronStats(net);
    return {
      type: 'frame',
      generation: session.generation,
      epoch: session.epoch,
      running: this.running,
      trainLoss: train.loss,
      testLoss: test.loss,
      trainAccuracy: train.accuracy,
      testAccuracy: test.accuracy,
      gridN: n,
      grid,
      weights: net.weights.slice(),
      biases: net.biases.slice(),
      preMin: stats.preMin,
      preMax: stats.preMax,
      meanAbsGradient: stats.meanAbsGradient,
      historyEpochs: history.epochs,
      historyTrainLoss: history.trainLoss,
      historyTestLoss: history.testLoss,
      epochsPerSecond: this.running ? this.meter.rate(now) : 0,
    };
  }
}

function failureMessage(command: WorkerCommand, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  const what: Record<WorkerCommand['type'], string> = {
    build: 'build the network',
    patch: 'change the network',
    reset: 'reset the network',
    run: 'start or stop training',
    speed: 'set the speed',
    step: 'step',
    setWeight: 'set the weight',
    setBias: 'set the bias',
    resolution: 'set the heatmap resolution',
    frameDone: 'take the frame back',
  };
  return `Could not ${what[command.type]}: ${reason.replace(/\.$/, '')}.`;
}
