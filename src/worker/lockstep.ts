/**
 * Two networks trained in lockstep for the comparison: free of any Worker API (tests drive
 * it), taking commands through `handle` and training in `runSlice` calls like the Trainer.
 *
 * Lockstep: the unit of work is the round, an epoch of side A then an epoch of side B, and
 * frames are made only between rounds, so every frame shows both at the same epoch. Each
 * side's epoch is the Trainer's epoch exactly (snapshot, train, evaluate the test set, decide
 * divergence), so either side after k rounds has the numbers of the playground opened with
 * its configuration and stepped k epochs. A side that diverges is put back to its last good
 * epoch and stays there; training pauses so the page can say so, and the other side goes on
 * when played again.
 *
 * Paired by construction: both configurations differ in their hidden activations only, so
 * the data, the split, the shuffles and the random draws of the initial weights are the same.
 */
import {
  DivergenceError,
  evaluate,
  evaluateGrid,
  gridSize,
  trainEpoch,
  type Evaluation,
} from '../nn';
import { SETTING_KEYS, sameValue, type PlaygroundConfig } from '../config';
import { featurePlanes } from '../data';
import { divergenceHint } from './hint';
import { LossHistory } from './lossHistory';
import type {
  LockstepCommand,
  LockstepEvent,
  LockstepTarget,
  PairFrame,
  SideFrame,
} from './lockstepProtocol';
import { pairTransferables } from './lockstepProtocol';
import { Pacer } from './pacer';
import { RateMeter } from './rateMeter';
import { buildSession, flattenPoints, resetSession, type Session } from './session';
import {
  GRID_RESOLUTION,
  HISTORY_POINTS_PER_SECOND,
  MAX_EPOCHS_PER_SLICE,
  PENDING_HISTORY_POINTS,
} from './trainer';

export type PostLockstepEvent = (event: LockstepEvent, transfer: Transferable[]) => void;

/**
 * Why two configurations cannot be compared in lockstep, or null when they can: they must
 * agree on every setting but the hidden activations, and have the same layer sizes.
 */
export function lockstepProblem(a: PlaygroundConfig, b: PlaygroundConfig): string | null {
  const sizes = (c: PlaygroundConfig) => c.hidden.map((layer) => layer.length).join(',');
  if (sizes(a) !== sizes(b)) return 'the two networks have different layer sizes';
  const other = SETTING_KEYS.find((key) => key !== 'hidden' && !sameValue(a[key], b[key]));
  return other === undefined
    ? null
    : `the two networks differ in ${other}, not only in activations`;
}

interface Side {
  readonly session: Session;
  readonly history: LossHistory;
  /** Bumped whenever the network's outputs change; keys the evaluation caches. */
  version: number;
  cachedTest: { version: number; value: Evaluation } | null;
  cachedTrain: { version: number; value: Evaluation } | null;
  reachedAt: number | null;
  diverged: { epoch: number; hint: string } | null;
}

function meets(target: LockstepTarget, test: Evaluation): boolean {
  return target.metric === 'testLoss' ? test.loss <= target.value : test.accuracy >= target.value;
}

export class LockstepTrainer {
  private sides: Side[] = [];
  private generation = 0;
  private target: LockstepTarget = { metric: 'testAccuracy', value: 1 };
  private planes: Float64Array = new Float64Array(0);
  private rounds = 0;
  private totalRounds = 0;
  private historyStride = 1;
  private readonly pacer = new Pacer();
  private readonly meter = new RateMeter();

  constructor(
    private readonly post: PostLockstepEvent,
    private readonly now: () => number,
  ) {}

  /** Rounds trained since the build or reset. */
  get epoch(): number {
    return this.rounds;
  }

  /** Carries out one command; one that cannot be carried out posts `failed` and changes nothing. */
  handle(command: LockstepCommand): void {
    try {
      this.apply(command);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.post(
        { type: 'failed', message: `The comparison could not ${command.type}: ${reason}` },
        [],
      );
    }
    this.sendFrameIfAllowed();
  }

  /** Trains whole rounds until `budgetMs` has passed; then a frame if one is due. */
  runSlice(budgetMs: number): boolean {
    try {
      const start = this.now();
      this.updateHistoryStride(start);
      this.pacer.startSlice(start);
      let rounds = 0;
      while (rounds < MAX_EPOCHS_PER_SLICE && this.sides.length > 0 && this.pacer.takeDueEpoch()) {
        this.trainRound();
        rounds++;
        if (this.now() - start >= budgetMs) break;
      }
      if (rounds > 0) this.meter.record(this.now(), this.totalRounds);
      this.sendFrameIfAllowed();
    } catch (error) {
      this.pacer.halt();
      const reason = error instanceof Error ? error.message : String(error);
      this.post({ type: 'failed', message: `The comparison stopped on an error: ${reason}` }, []);
    }
    return this.nextDelayMs() !== null;
  }

  /** Milliseconds until `runSlice` has work: 0 for at once, null for none until a command. */
  nextDelayMs(): number | null {
    return this.sides.length > 0 ? this.pacer.nextDelayMs(this.now()) : null;
  }

  private apply(command: LockstepCommand): void {
    switch (command.type) {
      case 'build':
        return this.build(command.configs, command.target, command.generation);
      case 'reset':
        for (const side of this.sides) {
          resetSession(side.session);
          side.session.generation = command.generation;
        }
        this.generation = command.generation;
        return this.restart();
      case 'run':
        if (!command.running) this.meter.clear();
        return this.pacer.setRunning(command.running, this.now());
      case 'speed':
        return this.pacer.setSpeed(command.epochsPerSecond, this.now());
      case 'step':
        if (this.sides.length === 0) throw new Error('there are no networks yet');
        return this.pacer.addSteps(command.epochs);
      case 'frameDone':
        return this.pacer.frameDone();
    }
  }

  private build(
    configs: readonly [PlaygroundConfig, PlaygroundConfig],
    target: LockstepTarget,
    generation: number,
  ): void {
    const problem = lockstepProblem(configs[0], configs[1]);
    if (problem) throw new RangeError(problem);
    // Both built before either replaces the old pair: a refused configuration keeps it.
    const sessions = configs.map((config) => buildSession(config, generation));
    this.sides = sessions.map((session) => ({
      session,
      history: new LossHistory(PENDING_HISTORY_POINTS),
      version: 0,
      cachedTest: null,
      cachedTrain: null,
      reachedAt: null,
      diverged: null,
    }));
    this.generation = generation;
    this.target = target;
    this.planes = featurePlanes(configs[0].features, GRID_RESOLUTION);
    const first = sessions[0] as Session;
    const train = flattenPoints(first.trainPoints);
    const test = flattenPoints(first.testPoints);
    this.post({ type: 'data', generation, train: { xyLabel: train }, test: { xyLabel: test } }, [
      train.buffer,
      test.buffer,
    ]);
    this.restart();
  }

  /** Epoch 0 of fresh weights: nothing reached, nothing diverged, no history. */
  private restart(): void {
    this.rounds = 0;
    this.pacer.clearSteps();
    for (const side of this.sides) {
      side.version++;
      side.history.clear();
      side.diverged = null;
      side.reachedAt = meets(this.target, this.testOf(side)) ? 0 : null;
    }
    this.pacer.wantFrame();
  }

  /** One round: an epoch of every side that has not diverged, in order. */
  private trainRound(): void {
    const epoch = this.rounds + 1;
    let divergedNow = false;
    for (const side of this.sides) {
      if (side.diverged) continue;
      if (!this.trainSideEpoch(side, epoch)) divergedNow = true;
    }
    this.rounds = epoch;
    this.totalRounds++;
    this.pacer.wantFrame();
    if (divergedNow || this.sides.every((side) => side.diverged)) {
      this.pacer.pause();
      this.meter.clear();
    }
  }

  /** The Trainer's epoch for one side (trainer.ts `trainOneEpoch`); false when it diverged. */
  private trainSideEpoch(side: Side, epoch: number): boolean {
    const { session } = side;
    const { net, order, snapshot } = session;
    snapshot.take(net, order);
    let step: number | null = null;
    try {
      trainEpoch(net, session.train, session.config.batchSize, session.shuffleRng, order);
    } catch (error) {
      if (!(error instanceof DivergenceError)) throw error;
      step = error.step;
    }
    side.version++;
    if (step === null) {
      const test = this.testOf(side);
      if (Number.isFinite(test.loss)) {
        session.epoch = epoch;
        if (side.reachedAt === null && meets(this.target, test)) side.reachedAt = epoch;
        if (epoch % this.historyStride === 0) {
          const train = this.trainOf(side);
          if (Number.isFinite(train.loss)) side.history.appendPoint(epoch, train.loss, test.loss);
        }
        return true;
      }
    }
    snapshot.restore(net, order);
    side.version++;
    side.diverged = { epoch, hint: divergenceHint(session.config) };
    return false;
  }

  private testOf(side: Side): Evaluation {
    if (side.cachedTest?.version !== side.version) {
      side.cachedTest = {
        version: side.version,
        value: evaluate(side.session.net, side.session.test),
      };
    }
    return side.cachedTest.value;
  }

  private trainOf(side: Side): Evaluation {
    if (side.cachedTrain?.version !== side.version) {
      side.cachedTrain = {
        version: side.version,
        value: evaluate(side.session.net, side.session.train),
      };
    }
    return side.cachedTrain.value;
  }

  private updateHistoryStride(now: number): void {
    // Each round is two epochs of training: the chart wants the same points per second.
    const rate = this.pacer.running ? this.meter.rate(now) : 0;
    let stride = 1;
    while (rate / stride > HISTORY_POINTS_PER_SECOND && stride < 1024) stride *= 2;
    this.historyStride = stride;
  }

  private sendFrameIfAllowed(): void {
    if (this.sides.length !== 2) return;
    const now = this.now();
    if (!this.pacer.mayPostFrame(now)) return;
    const frame = this.makeFrame(now);
    this.pacer.framePosted(now);
    this.post(frame, pairTransferables(frame));
  }

  private makeFrame(now: number): PairFrame {
    const n = GRID_RESOLUTION;
    const sides = this.sides.map((side): SideFrame => {
      const { net, epoch } = side.session;
      const grid = new Float32Array(gridSize(net, n));
      evaluateGrid(net, this.planes, n, grid);
      const train = this.trainOf(side);
      const test = this.testOf(side);
      if (side.history.lastEpoch !== epoch) side.history.appendPoint(epoch, train.loss, test.loss);
      const history = side.history.drain();
      return {
        epoch,
        trainLoss: train.loss,
        testLoss: test.loss,
        trainAccuracy: train.accuracy,
        testAccuracy: test.accuracy,
        grid,
        historyEpochs: history.epochs,
        historyTrainLoss: history.trainLoss,
        historyTestLoss: history.testLoss,
        reachedAt: side.reachedAt,
        diverged: side.diverged,
      };
    });
    return {
      type: 'pair',
      generation: this.generation,
      epoch: this.rounds,
      running: this.pacer.running,
      gridN: n,
      sides: sides as [SideFrame, SideFrame],
      epochsPerSecond: this.pacer.running ? this.meter.rate(now) : 0,
    };
  }
}
