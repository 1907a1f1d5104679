/**
 * The comparison: two variants of the playground's network, each made by a rule (for the
 * whole network or one layer), trained live in lockstep in one worker (src/worker/lockstep.ts)
 * on the same data from the same seed and the same initial draws. Play, pause, step and reset
 * act on both. Frames go to a PairHub and are painted outside React; the store holds the
 * sides, the run state and readouts throttled to a few a second.
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PlaygroundConfig, Speed } from '../config';
import { applyRule, ruleLabel, type VariantRule } from '../experiment';
import { LockstepClient, type LockstepWorkerLike } from '../worker/lockstepClient';
import type { LockstepTarget, PairFrame, SideFrame } from '../worker/lockstepProtocol';
import { actions } from './actions';
import { experimentController, type ExperimentController } from './experiment';
import { targetFor } from './experimentDraft';
import { PairHub } from './pairHub';
import { READOUT_INTERVAL_MS } from './bridge';
import { playgroundStore, type PlaygroundStore } from './store';

/** One side: a rule over the whole network (`layer` null) or over one hidden layer (from 1). */
export interface ComparisonSide {
  readonly rule: VariantRule;
  readonly layer: number | null;
  /** A name the side was given (an experiment's variant); empty for the rule's own words. */
  readonly name: string;
}

export type SideReadout = Omit<
  SideFrame,
  'grid' | 'historyEpochs' | 'historyTrainLoss' | 'historyTestLoss'
>;

export interface ComparisonState {
  readonly open: boolean;
  readonly sides: readonly [ComparisonSide, ComparisonSide];
  /** The two networks trained: the playground's with each side's rule. */
  readonly configs: readonly [PlaygroundConfig, PlaygroundConfig];
  readonly target: LockstepTarget;
  readonly running: boolean;
  readonly speed: Speed;
  /** Rounds trained (both sides' epoch) and each side's numbers; null before the first frame. */
  readonly epoch: number;
  readonly readouts: readonly [SideReadout, SideReadout] | null;
  /** What went wrong with the comparison's worker, for the region to say. */
  readonly message: string | null;
}

/** A side's name: its own, or its rule in words ("Layer 1: Tanh and Sine alternating"). */
export function sideName(side: ComparisonSide): string {
  if (side.name) return side.name;
  const words = ruleLabel(side.rule);
  if (side.layer === null) return words;
  return `Layer ${side.layer}: ${words.replace(' of each layer', '')}`;
}

/** The network a side trains: the playground's with the side's rule applied. */
export function sideConfig(base: PlaygroundConfig, side: ComparisonSide): PlaygroundConfig {
  const layer = side.layer === null ? undefined : side.layer - 1;
  return { ...base, hidden: applyRule(side.rule, base.hidden, base.seed, layer) };
}

/** The default pair: the network as set, and the same with its first layer alternated with sine. */
export function defaultSides(config: PlaygroundConfig): [ComparisonSide, ComparisonSide] {
  const x = config.hidden[0]?.[0] ?? config.defaultActivation;
  const y = x === 'sin' ? 'tanh' : 'sin';
  return [
    { rule: { kind: 'asSet' }, layer: null, name: '' },
    config.hidden.length > 0
      ? { rule: { kind: 'alternate', x, y }, layer: 1, name: '' }
      : { rule: { kind: 'asSet' }, layer: null, name: '' },
  ];
}

function readoutOf(side: SideFrame): SideReadout {
  const { epoch, trainLoss, testLoss, trainAccuracy, testAccuracy, reachedAt, diverged } = side;
  return { epoch, trainLoss, testLoss, trainAccuracy, testAccuracy, reachedAt, diverged };
}

export interface ComparisonOptions {
  readonly playground?: PlaygroundStore;
  readonly experiment?: ExperimentController;
  readonly createWorker?: () => LockstepWorkerLike;
  readonly requestAnimationFrame?: (paint: () => void) => unknown;
}

export class ComparisonController {
  readonly store: StoreApi<ComparisonState>;
  private readonly playground: PlaygroundStore;
  private readonly experiment: ExperimentController;
  private readonly createWorker: (() => LockstepWorkerLike) | undefined;
  private readonly requestAnimationFrame: ((paint: () => void) => unknown) | undefined;
  private client: LockstepClient | null = null;
  private currentHub: PairHub | null = null;
  private lastReadoutAt = -Infinity;
  private pending: PairFrame | null = null;
  private readoutTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: ComparisonOptions = {}) {
    this.playground = options.playground ?? playgroundStore;
    this.experiment = options.experiment ?? experimentController;
    this.createWorker = options.createWorker;
    this.requestAnimationFrame = options.requestAnimationFrame;
    const config = this.playground.getState().config;
    const sides = defaultSides(config);
    this.store = createStore<ComparisonState>()(() => ({
      open: false,
      sides,
      configs: [sideConfig(config, sides[0]), sideConfig(config, sides[1])],
      target: targetFor(this.experiment.store.getState().draft, config),
      running: false,
      speed: config.speed,
      epoch: 0,
      readouts: null,
      message: null,
    }));
  }

  private get state(): ComparisonState {
    return this.store.getState();
  }

  /** The frames to paint while open; null while closed. */
  get hub(): PairHub | null {
    return this.currentHub;
  }

  /**
   * Opens the comparison on the playground's network, whose own training pauses (both would
   * share the machine). Sides chosen before are kept if they still fit the network.
   */
  open(): void {
    if (this.state.open) return;
    actions(this.playground).setRunning(false);
    const config = this.playground.getState().config;
    const fits = this.state.sides.every(
      (side) => side.layer === null || side.layer <= config.hidden.length,
    );
    const client = new LockstepClient(this.createWorker);
    const hub = new PairHub(
      this.requestAnimationFrame ? { requestAnimationFrame: this.requestAnimationFrame } : {},
    );
    client.onFrame((frame) => this.onFrame(frame));
    client.onData((data) => hub.pushData(data));
    client.onMessage((message) => this.store.setState({ message, running: false }));
    this.client = client;
    this.currentHub = hub;
    client.setSpeed(this.state.speed);
    this.store.setState({ open: true, message: null, running: false });
    this.build(fits ? this.state.sides : defaultSides(config));
  }

  /** Closes the comparison and stops its worker. */
  close(): void {
    if (!this.state.open) return;
    this.client?.dispose();
    this.currentHub?.dispose();
    this.client = null;
    this.currentHub = null;
    if (this.readoutTimer !== null) clearTimeout(this.readoutTimer);
    this.readoutTimer = null;
    this.store.setState({ open: false, running: false, readouts: null, epoch: 0 });
  }

  /** Changes one side's rule (0 or 1); both start again from epoch 0. */
  setSide(index: 0 | 1, side: ComparisonSide): void {
    const sides: [ComparisonSide, ComparisonSide] = [...this.state.sides];
    sides[index] = side;
    this.build(sides);
  }

  /** The experiment's first two variants, over the whole network. */
  useExperimentVariants(): boolean {
    const variants = this.experiment.definition().variants;
    const [a, b] = variants;
    if (!a || !b) return false;
    this.build([
      { rule: a.rule, layer: null, name: a.name },
      { rule: b.rule, layer: null, name: b.name },
    ]);
    return true;
  }

  setRunning(running: boolean): void {
    if (!this.client) return;
    this.client.setRunning(running);
    this.store.setState({ running });
    if (!running) this.flushReadouts();
  }

  /** Pauses and trains exactly `epochs` more rounds (an epoch of each side). */
  step(epochs = 1): void {
    if (!this.client) return;
    this.setRunning(false);
    this.client.step(epochs);
  }

  /** Pauses; both networks' weights are drawn again from the seed (epoch 0). */
  reset(): void {
    const client = this.client;
    if (!client) return;
    this.setRunning(false);
    client.reset();
    this.pending = null;
    this.currentHub?.expectGeneration(client.generation);
    this.store.setState({ readouts: null, epoch: 0 });
  }

  setSpeed(speed: Speed): void {
    this.client?.setSpeed(speed);
    this.store.setState({ speed });
  }

  private build(sides: readonly [ComparisonSide, ComparisonSide]): void {
    const config = this.playground.getState().config;
    const configs: [PlaygroundConfig, PlaygroundConfig] = [
      sideConfig(config, sides[0]),
      sideConfig(config, sides[1]),
    ];
    const target = targetFor(this.experiment.store.getState().draft, config);
    const running = this.state.running;
    this.pending = null;
    this.store.setState({ sides, configs, target, readouts: null, epoch: 0 });
    const client = this.client;
    if (!client) return;
    client.build(configs, target);
    this.currentHub?.expectGeneration(client.generation);
    if (running) client.setRunning(true);
  }

  private onFrame(frame: PairFrame): void {
    const hub = this.currentHub;
    const client = this.client;
    if (!hub || !client || !hub.pushFrame(frame, () => client.frameDone())) return;
    const wait = this.lastReadoutAt + READOUT_INTERVAL_MS - Date.now();
    // Paused or stepped: the exact numbers of the last frame at once.
    if (!frame.running || !this.state.running || wait <= 0) {
      this.writeReadouts(frame);
      return;
    }
    this.pending = frame;
    this.readoutTimer ??= setTimeout(() => this.flushReadouts(), wait);
  }

  private flushReadouts(): void {
    if (this.pending) this.writeReadouts(this.pending);
  }

  private writeReadouts(frame: PairFrame): void {
    if (this.readoutTimer !== null) clearTimeout(this.readoutTimer);
    this.readoutTimer = null;
    this.pending = null;
    this.lastReadoutAt = Date.now();
    const readouts: [SideReadout, SideReadout] = [
      readoutOf(frame.sides[0]),
      readoutOf(frame.sides[1]),
    ];
    // Training pauses itself when a side diverges in the round the frame ends with.
    const diverged = frame.sides.some((side) => side.diverged?.epoch === frame.epoch);
    const running = this.state.running && !(diverged && !frame.running);
    this.store.setState({ readouts, epoch: frame.epoch, running });
  }
}

/** The page's comparison, over the page's playground. */
export const comparisonController = new ComparisonController();

/** Reads the page's comparison state in a component; select one field at a time. */
export function useComparison<T>(selector: (state: ComparisonState) => T): T {
  return useStore(comparisonController.store, selector);
}
