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
  applyActivations,
  DivergenceError,
  freezeMixtures,
  evaluate,
  evaluateGrid,
  gridSize,
  readNeuronStats,
  reviveNeuron,
  reviveSeed,
  Rng,
  setWeight,
  trainEpoch,
  type Evaluation,
  HEALTH_DEAD,
  type NetworkHealth,
} from '../nn';
import { featurePlanes, type Point } from '../data';
import { learnedDivergence } from './learnedHint';
import { seedStreams, type PlaygroundConfig } from '../config';
import { divergenceAdvice, stableRate, stuckMessage } from './advice';
import { WorkerDiagnostics, type DiagnosticsSample } from './diagnostics';
import type { StuckVerdict } from './stuck';
import { LossHistory } from './lossHistory';
import { Pacer } from './pacer';
import { frameTransferables, type Frame, type WorkerCommand, type WorkerEvent } from './protocol';
import { RateMeter } from './rateMeter';
import { buildSession, flattenPoints, patchSession, resetSession, type Session } from './session';
import { captureSessionState, restoreSessionState } from './sessionState';
import type { TimelineEventKind } from './timeline';
import { TimelineKeeper } from './timelineKeeper';

export { FRAME_INTERVAL_MS } from './pacer';

/** Sends an event to the page, transferring the listed buffers. */
export type PostEvent = (event: WorkerEvent, transfer: Transferable[]) => void;

/** Side of the square grid every neuron's heatmap is evaluated on. */
export const GRID_RESOLUTION = 50;
/**
 * Epochs one slice may train whatever the clock says: a guard against a clock that stands
 * still (as in tests), far above what fits in a slice on a real clock for useful networks.
 */
export const MAX_EPOCHS_PER_SLICE = 1000;
/**
 * Loss history points wanted per second while running. Evaluating the training set costs
 * about a third of an epoch of training, so at high speed only every k-th epoch is evaluated
 * for the chart (k a power of two chosen from the measured speed). Which epochs get a point
 * thus depends on timing; the value at each epoch, and whether and when training diverges,
 * do not (see `trainOneEpoch`).
 */
export const HISTORY_POINTS_PER_SECOND = 100;
/**
 * Loss points held for the next frame at most. Frames stop while the page is hidden (it
 * paints, and so acknowledges, only on animation frames) while training goes on.
 */
export const PENDING_HISTORY_POINTS = 2048;
/**
 * Least time between two checkpoints while training runs, in milliseconds: a restarted worker
 * loses at most about this much training. A checkpoint copies the parameters and moments, a
 * few kilobytes, so once a second costs nothing beside the frames.
 */
export const CHECKPOINT_INTERVAL_MS = 1000;

interface Evaluations {
  readonly train: Evaluation;
  readonly test: Evaluation;
}

export class Trainer {
  private session: Session | null = null;
  private readonly pacer = new Pacer();
  /** The inputs over the grid: depend on the build's features only. */
  private planes: Float64Array = new Float64Array(0);
  /** Bumped whenever anything changes the network's outputs; keys the evaluation cache. */
  private version = 0;
  private cached: { version: number; value: Evaluations } | null = null;
  private cachedTest: { version: number; value: Evaluation } | null = null;
  private historyStride = 1;
  private totalEpochs = 0;
  private readonly history = new LossHistory(PENDING_HISTORY_POINTS);
  private readonly meter = new RateMeter();
  /** `version` at the last checkpoint, and when it was sent. */
  private checkpointVersion = -1;
  private lastCheckpointAt = -Infinity;
  /** Diagnostics passes, gradient flow and the stuck-run detector (diagnostics.ts). */
  private readonly diagnostics = new WorkerDiagnostics();
  /** Revives per neuron ("layer-neuron") since the build or reset: each draws anew. */
  private readonly revives = new Map<string, number>();
  /** The configuration of the last divergence of this network, for advice that follows it. */
  private lastDivergedConfig: PlaygroundConfig | null = null;
  /** Each unit's health at the last diagnosis (nn/health.ts), to mark deaths on the timeline. */
  private healthStates: Uint8Array | null = null;
  /** Snapshots to scrub back to, and the one shown (timelineKeeper.ts). */
  private readonly timeline: TimelineKeeper;

  /**
   * @param post sends an event to the page (`self.postMessage` in the worker)
   * @param now the clock, in milliseconds (`performance.now` in the worker)
   */
  constructor(
    private readonly post: PostEvent,
    private readonly now: () => number,
  ) {
    this.timeline = new TimelineKeeper(post);
  }

  /**
   * Marks an event on the timeline at the live network's epoch (a neuron that died or came
   * back, a freeze): the hook for detectors outside the trainer. Does nothing before a build.
   */
  addTimelineEvent(kind: TimelineEventKind, text: string): void {
    if (this.session) this.timeline.addEvent(this.session.epoch, kind, text);
  }

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
    this.sendCheckpointIfDue();
    this.sendTimelineIfDue();
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
      if (this.diagnostics.owedDelay(this.now(), this.version) === 0) this.pacer.wantFrame();
      this.sendFrameIfAllowed();
      this.sendCheckpointIfDue();
      this.sendTimelineIfDue();
    } catch (error) {
      // A bug, not a divergence: stop, so the next slice does not hit it again forever.
      this.pacer.halt();
      const reason = error instanceof Error ? error.message : String(error);
      this.post({ type: 'failed', message: `Training stopped on an error: ${reason}` }, []);
    }
    return this.nextDelayMs() !== null;
  }

  /**
   * Milliseconds until `runSlice` has something to do: 0 for at once, null for nothing until
   * the next command (no network yet, or paused with nothing waiting).
   */
  nextDelayMs(): number | null {
    if (!this.session) return null;
    const now = this.now();
    const pace = this.pacer.nextDelayMs(now);
    // A diagnosis owed for what changed (its pass was throttled): wake for it, unless a frame
    // is in flight (then frameDone wakes the loop; waiting here would spin).
    let owed = this.pacer.frameInFlight ? null : this.diagnostics.owedDelay(now, this.version);
    if (owed === null) return pace;
    owed = Math.max(owed, this.pacer.msUntilFrameAllowed(now));
    return pace === null ? owed : Math.min(pace, owed);
  }

  private trainSlice(budgetMs: number): void {
    const session = this.session;
    if (!session) return;
    const start = this.now();
    this.updateHistoryStride(start);
    this.pacer.startSlice(start);
    let epochs = 0;
    while (epochs < MAX_EPOCHS_PER_SLICE && this.pacer.takeDueEpoch()) {
      if (!this.trainOneEpoch(session)) break;
      epochs++;
      if (this.now() - start >= budgetMs) break;
    }
    if (epochs > 0) this.meter.record(this.now(), this.totalEpochs);
    this.pacer.endSlice(this.now());
  }

  private apply(command: WorkerCommand): void {
    switch (command.type) {
      case 'build':
        return this.build(command.config, command.generation, command.ownData ?? null);
      case 'patch': {
        const session = this.requireSession();
        this.timeline.beforeEdit(session);
        const before = session.config;
        patchSession(session, command.config);
        this.timeline.afterPatch(session, before);
        this.diagnostics.edited();
        return this.changed();
      }
      case 'reset': {
        const session = this.requireSession();
        session.generation = command.generation;
        resetSession(session);
        this.history.clear();
        this.pacer.clearSteps();
        this.diagnostics.build(session);
        this.healthStates = null;
        this.revives.clear();
        this.timeline.start(session, 'Reset: new weights');
        return this.changed();
      }
      case 'run':
        // Training goes on from the live state: playing while a snapshot is shown leaves it.
        if (command.running && this.timeline.leave()) this.changed();
        if (!command.running) this.meter.clear();
        return this.pacer.setRunning(command.running, this.now());
      case 'speed':
        return this.pacer.setSpeed(command.epochsPerSecond, this.now());
      case 'step':
        this.requireSession();
        if (this.timeline.leave()) this.changed();
        return this.pacer.addSteps(command.epochs);
      case 'setWeight': {
        const { layer, neuron, from, value } = command;
        const session = this.requireSession();
        this.timeline.beforeEdit(session);
        setWeight(session.net, layer, neuron, from, value);
        this.timeline.afterEdit(session);
        this.diagnostics.edited();
        return this.changed();
      }
      case 'frameDone':
        return this.pacer.frameDone();
      case 'ping':
        return this.post(
          {
            type: 'pong',
            id: command.id,
            generation: this.session?.generation ?? -1,
            epoch: this.session?.epoch ?? 0,
            busy: this.pacer.busy,
          },
          [],
        );
      case 'restore': {
        const session = this.requireSession();
        if (command.generation !== session.generation) {
          throw new RangeError(
            `it belongs to network ${command.generation}, not to the current ${session.generation}`,
          );
        }
        restoreSessionState(session, command.state);
        this.history.clear();
        this.diagnostics.build(session);
        this.healthStates = null;
        this.timeline.start(session, `Continued from epoch ${session.epoch}`);
        return this.changed();
      }
      case 'checkpoint':
        return this.postCheckpoint(this.requireSession());
      case 'viewSnapshot': {
        const session = this.requireSession();
        this.pacer.pause();
        this.pacer.clearSteps();
        this.meter.clear();
        this.timeline.view(session, command.epoch, command.request);
        return this.changed();
      }
      case 'leaveTimeline':
        if (this.timeline.leave(command.request)) this.changed();
        return;
      case 'resumeFromSnapshot': {
        const session = this.requireSession();
        this.timeline.branch(session, command.epoch, false);
        // The loss points of the dropped future must not reach the page.
        this.history.clear();
        return this.changed();
      }
      case 'freeze':
        return this.freeze(this.requireSession());
      case 'revive':
        return this.revive(this.requireSession(), command.layer, command.neuron);
    }
  }

  /** Freezes the learned choices between two epochs and reports the test loss around it. */
  private freeze(session: Session): void {
    this.timeline.beforeEdit(session);
    const before = captureSessionState(session);
    const testLossBefore = this.testEvaluation(session).loss;
    const hidden = freezeMixtures(session.net);
    const changed = applyActivations(session.net, hidden).length;
    session.config = { ...session.config, hidden };
    this.timeline.addEvent(
      session.epoch,
      'freeze',
      `Froze the learned choices of ${changed} ${changed === 1 ? 'neuron' : 'neurons'}`,
    );
    this.timeline.afterEdit(session);
    this.changed();
    const testLossAfter = this.testEvaluation(session).loss;
    const { generation } = session;
    this.post(
      { type: 'frozen', generation, hidden, before, testLossBefore, testLossAfter, changed },
      [],
    );
  }

  private build(
    config: Session['config'],
    generation: number,
    ownData: readonly Point[] | null,
  ): void {
    // Built aside first: an invalid configuration throws here and the old session stays.
    // Its frames keep their old generation, which the page drops, so it never draws a network
    // of a shape it does not expect.
    const session = buildSession(config, generation, ownData);
    this.session = session;
    this.planes = featurePlanes(config.features, GRID_RESOLUTION);
    this.history.clear();
    this.pacer.clearSteps();
    this.diagnostics.build(session);
    this.healthStates = null;
    this.revives.clear();
    this.lastDivergedConfig = null;
    this.timeline.start(session, 'New network');
    const train = flattenPoints(session.trainPoints);
    const test = flattenPoints(session.testPoints);
    this.post({ type: 'data', generation, train: { xyLabel: train }, test: { xyLabel: test } }, [
      train.buffer,
      test.buffer,
    ]);
    this.changed();
  }

  /** Redraws one neuron's incoming weights and bias (see the `revive` command). */
  private revive(session: Session, layer: number, neuron: number): void {
    const key = `${layer}-${neuron}`;
    const count = this.revives.get(key) ?? 0;
    const seed = reviveSeed(seedStreams(session.config.seed).weights, layer, neuron, count);
    this.timeline.beforeEdit(session);
    reviveNeuron(session.net, layer, neuron, session.config.init, new Rng(seed));
    this.revives.set(key, count + 1);
    this.timeline.addEvent(
      session.epoch,
      'revived',
      `Layer ${layer} neuron ${neuron + 1} revived: new incoming weights`,
    );
    this.timeline.afterEdit(session);
    this.diagnostics.edited();
    this.changed();
  }

  /** Pauses a stuck run and says why, in a `diverged` event with a headline. */
  private stuck(session: Session, verdict: StuckVerdict): void {
    this.pacer.pause();
    this.meter.clear();
    this.post(
      {
        type: 'diverged',
        generation: session.generation,
        epoch: verdict.epoch,
        step: session.net.stepCount,
        headline: `Training paused: it is stuck at epoch ${verdict.epoch}.`,
        hint: stuckMessage(verdict, session.config),
      },
      [],
    );
    this.timeline.addEvent(session.epoch, 'diverged', `Stuck since epoch ${verdict.epoch}`);
  }

  /** Marks on the timeline the hidden neurons that died, or came back, since the last pass. */
  private noteHealthChanges(session: Session, health: NetworkHealth): void {
    const previous = this.healthStates;
    this.healthStates = health.state.slice();
    if (previous?.length !== health.state.length) return;
    const { net } = session;
    let u = 0;
    for (let k = 1; k < net.outputLayer; k++) {
      for (let j = 0; j < (net.sizes[k] as number); j++, u++) {
        const was = previous[u] === HEALTH_DEAD;
        const is = health.state[u] === HEALTH_DEAD;
        if (was === is) continue;
        const words = is ? 'died: no gradient for 99% of examples' : 'came back to life';
        this.timeline.addEvent(
          session.epoch,
          is ? 'died' : 'revived',
          `Layer ${k} neuron ${j + 1} ${words}`,
        );
      }
    }
  }

  private requireSession(): Session {
    if (!this.session) throw new Error('there is no network yet (send a build first)');
    return this.session;
  }

  /** The network's outputs changed outside training: evaluate afresh and show it. */
  private changed(): void {
    this.version++;
    this.pacer.wantFrame();
  }

  private updateHistoryStride(now: number): void {
    const rate = this.pacer.running ? this.meter.rate(now) : 0;
    let stride = 1;
    while (rate / stride > HISTORY_POINTS_PER_SECOND && stride < 1024) stride *= 2;
    this.historyStride = stride;
  }

  /**
   * One epoch; on divergence puts the parameters back, pauses, reports and returns false.
   *
   * Whether and when training diverges never depends on timing: it is decided by the steps
   * (each checks the examples it trains on) and by the test set, evaluated after every epoch.
   * The training set's loss is evaluated only on the epochs the chart samples, which depend
   * on the measured speed, so it decides nothing: a training example that overflows after the
   * last step is met by the first steps of the next epoch, which visit every example.
   */
  private trainOneEpoch(session: Session): boolean {
    const { net, order, snapshot } = session;
    const epoch = session.epoch + 1;
    snapshot.take(net, order);
    try {
      trainEpoch(net, session.train, session.config.batchSize, session.shuffleRng, order);
    } catch (error) {
      if (!(error instanceof DivergenceError)) throw error;
      this.diverge(session, epoch, error.step, learnedDivergence(net, error));
      return false;
    }
    this.version++;
    const test = this.testEvaluation(session);
    if (!Number.isFinite(test.loss)) {
      this.diverge(session, epoch, net.stepCount);
      return false;
    }
    if (epoch % this.historyStride === 0) {
      const { train } = this.evaluations(session);
      if (Number.isFinite(train.loss)) this.history.appendPoint(epoch, train.loss, test.loss);
      this.diagnostics.recordEpoch(net, epoch);
    }
    session.epoch = epoch;
    this.timeline.recordEpoch(session);
    this.totalEpochs++;
    this.pacer.wantFrame();
    return true;
  }

  /** Puts back the parameters from before epoch `epoch` (1-based), pauses and reports. */
  private diverge(session: Session, epoch: number, step: number, learned: string | null = null) {
    session.snapshot.restore(session.net, session.order);
    this.timeline.addEvent(session.epoch, 'diverged', `Diverged in epoch ${epoch}`);
    this.version++;
    this.pacer.pause();
    this.meter.clear();
    // A few epochs of small probes on a fresh network: rare, and what makes the advice true.
    const stable = stableRate(session.config, session.train);
    const advice = divergenceAdvice(session.config, stable, this.lastDivergedConfig);
    this.lastDivergedConfig = session.config;
    const hint = learned ? `${learned} ${advice}` : advice;
    this.post({ type: 'diverged', generation: session.generation, epoch, step, hint }, []);
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
    if (!session) return;
    const now = this.now();
    if (!this.pacer.mayPostFrame(now)) return;
    const shown = this.timeline.shown(session);
    const live = shown === session;
    const sample = this.diagnostics.sample(
      shown,
      now,
      this.version,
      this.evaluations(shown).train.loss,
      live,
    );
    // A snapshot being looked at is not a run that got stuck or a neuron that died now.
    if (sample && live) this.noteHealthChanges(session, sample.health);
    if (sample?.verdict) this.stuck(session, sample.verdict);
    const frame = this.makeFrame(shown, now, sample);
    this.pacer.framePosted(now);
    this.post(frame, frameTransferables(frame));
  }

  /**
   * Sends the session's state when it changed since the last checkpoint: at once when training
   * has settled (paused, no steps left), at most every CHECKPOINT_INTERVAL_MS while it runs.
   */
  private sendCheckpointIfDue(): void {
    const session = this.session;
    if (!session || this.version === this.checkpointVersion) return;
    const now = this.now();
    if (this.pacer.busy && now - this.lastCheckpointAt < CHECKPOINT_INTERVAL_MS) return;
    this.postCheckpoint(session);
  }

  private sendTimelineIfDue(): void {
    if (this.session) this.timeline.postIfDue(this.session, this.pacer.busy, this.now());
  }

  private postCheckpoint(session: Session): void {
    this.checkpointVersion = this.version;
    this.lastCheckpointAt = this.now();
    const state = captureSessionState(session);
    this.post({ type: 'checkpoint', generation: session.generation, state }, []);
  }

  /** A frame of fresh arrays: they are transferred, so none may be kept or reused. */
  private makeFrame(session: Session, now: number, sample: DiagnosticsSample | null): Frame {
    const { net } = session;
    const n = GRID_RESOLUTION;
    const grid = new Float32Array(gridSize(net, n));
    evaluateGrid(net, this.planes, n, grid);
    const { train, test } = this.evaluations(session);
    // A snapshot shown from the timeline adds nothing to the loss curve: it is in it already.
    const live = session === this.session;
    // The chart ends at the epoch the frame shows.
    if (live && this.history.lastEpoch !== session.epoch) {
      this.history.appendPoint(session.epoch, train.loss, test.loss);
    }
    const history = live ? this.history.drain() : new LossHistory(4).drain();
    const stats = readNeuronStats(net);
    const gradients = this.diagnostics.drainGradients(net, session.epoch);
    return {
      type: 'frame',
      generation: session.generation,
      epoch: session.epoch,
      running: this.pacer.running,
      trainLoss: train.loss,
      testLoss: test.loss,
      trainAccuracy: train.accuracy,
      testAccuracy: test.accuracy,
      gridN: n,
      grid,
      weights: net.weights.slice(),
      biases: net.biases.slice(),
      activationParams: net.activationParams.slice(),
      preMin: stats.preMin,
      preMax: stats.preMax,
      meanAbsGradient: stats.meanAbsGradient,
      historyEpochs: history.epochs,
      historyTrainLoss: history.trainLoss,
      historyTestLoss: history.testLoss,
      epochsPerSecond: this.pacer.running ? this.meter.rate(now) : 0,
      gradientEpochs: gradients.epochs,
      layerGradient: gradients.values,
      ...(sample ? { health: sample.health } : {}),
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
    frameDone: 'take the frame back',
    ping: 'answer the heartbeat',
    restore: 'continue from the saved training',
    checkpoint: 'send the training state',
    viewSnapshot: 'show that moment of the timeline',
    leaveTimeline: 'go back to the live network',
    resumeFromSnapshot: 'resume from that moment',
    freeze: 'freeze the learned choices',
    revive: 'revive the neuron',
  };
  return `Could not ${what[command.type]}: ${reason.replace(/\.$/, '')}.`;
}
