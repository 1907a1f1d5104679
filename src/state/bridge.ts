/**
 * The one place the store meets the training worker: configuration and run intent go out as
 * commands, frames go to the frame hub (and, throttled, into the store as readouts), and the
 * worker's troubles become notices. It also keeps the URL hash in step with the config.
 *
 * Whether a config change is a build or a patch is the port's decision (TrainingClient
 * compares with what it last sent); the bridge always just calls `configure`.
 */
import type { PlaygroundConfig } from '../config';
import type { Point } from '../data';
import type { CrashReport, DivergedEvent, FailedEvent } from '../worker/client';
import type { Frame, FrozenEvent, SessionState, WeightAddress } from '../worker/protocol';
import { actions } from './actions';
import { makeNetworkFile, readNetworkFile, type NetworkFile } from './networkFile';
import { pytorchFileName, pytorchScript } from './pytorchExport';
import type { DataEvent, FrameHub } from './frameHub';
import {
  HashSync,
  onWindowLeave,
  type HandoffStorage,
  type HashEvents,
  type HistoryLike,
  type LocationLike,
  type OnLeave,
} from './hashSync';
import { EMPTY_READOUTS, type PlaygroundStore, type Readouts } from './store';

/**
 * What the bridge uses of the training client; `TrainingClient` fits it, tests pass a fake.
 * Every `on…` returns its unsubscribe.
 */
export interface TrainingPort {
  /** The generation of the last build or reset sent (frames of older ones are stale). */
  readonly generation: number;
  /** Sends the configuration and own data (null: generated); see TrainingClient.configure. */
  configure(config: PlaygroundConfig, ownData?: readonly Point[] | null): void;
  setWeight(address: WeightAddress, value: number): void;
  reset(): void;
  setRunning(running: boolean): void;
  step(epochs?: number): void;
  setSpeed(epochsPerSecond: number | null): void;
  frameDone(): void;
  onFrame(listener: (frame: Frame) => void): () => void;
  onData(listener: (data: DataEvent) => void): () => void;
  onDiverged(listener: (event: DivergedEvent) => void): () => void;
  onFailed(listener: (event: FailedEvent) => void): () => void;
  onCrash(listener: (report: CrashReport) => void): () => void;
  /** The live network's state now; null when there is none (see TrainingClient). */
  requestCheckpoint(): Promise<SessionState | null>;
  /** Builds `config` and continues from `state` (an opened file). */
  open(config: PlaygroundConfig, state: SessionState, ownData?: readonly Point[] | null): void;
  /** Freezes the learned choices; null when there is no network (see TrainingClient). */
  freeze(): Promise<FrozenEvent | null>;
}

export interface BridgeOptions {
  /** The page's location and history for the hash (default: the window's; none in Node). */
  readonly location?: LocationLike;
  readonly history?: HistoryLike;
  /** Source of `hashchange` (default: the window); a hand-edited hash is loaded. */
  readonly events?: HashEvents;
  /** When the page is left or hidden (default: the window's, with the window's location). */
  readonly onLeave?: OnLeave;
  /** Where the hash waits for a reload (default: sessionStorage, with the window's location). */
  readonly handoff?: HandoffStorage;
  /**
   * Load the config of the page's hash before the first `configure` (default true), so an
   * opened link shows what it records instead of being overwritten with the defaults.
   */
  readonly loadHashOnConnect?: boolean;
  /** Milliseconds of quiet before the hash is written (default 200). */
  readonly hashDelay?: number;
  /** Least milliseconds between readout updates while running (default 125: 8 a second). */
  readonly readoutInterval?: number;
}

/** Default least time between two readout updates while training runs. */
export const READOUT_INTERVAL_MS = 125;

/** What the crash notice says when the client brought the worker back with nothing trained. */
export const CRASH_RESTARTED_TEXT =
  'The training worker stopped; it was restarted with your current settings.';

function epochsLost(count: number): string {
  if (count === 0) return 'no epochs lost';
  return `${count.toLocaleString('en')} ${count === 1 ? 'epoch' : 'epochs'} lost`;
}

/**
 * What the page says about a crashed or stalled worker: that it was restarted and from which
 * epoch ("The training worker stopped; it was restarted at epoch 70 (5 epochs lost)."), or
 * that it could not be.
 */
export function crashNoticeText(report: CrashReport): string {
  if (!report.restarted) {
    return `${report.message.replace(/\.$/, '')}; it could not be restarted. Reload the page to try again.`;
  }
  const what =
    report.cause === 'stalled'
      ? 'The training worker stopped responding'
      : 'The training worker stopped';
  const epoch = report.restoredEpoch;
  if (epoch === null || (epoch === 0 && report.lostEpochs === 0)) {
    return `${what}; it was restarted with your current settings.`;
  }
  return `${what}; it was restarted at epoch ${epoch.toLocaleString('en')} (${epochsLost(report.lostEpochs)}).`;
}

/**
 * A live connection. Call it (or `disconnect`) to stop listening; `step` and `reset` are the
 * transport buttons, which need both the store and the port.
 */
export interface Connection {
  (): void;
  disconnect(): void;
  /** Pauses and trains exactly `epochs` more epochs (default 1). */
  step(epochs?: number): void;
  /** Pauses, redraws the weights from the seed (epoch 0) and clears the divergence. */
  reset(): void;
  /** Sets one weight of the live network (engine numbering, see WeightAddress). */
  setWeight(address: WeightAddress, value: number): void;
  /** The network as a file (its state asked of the worker now); null when there is none. */
  saveNetwork(): Promise<NetworkFile | null>;
  /**
   * Opens a network file's text: pauses, and continues from its network and loss curve. A file
   * that is refused leaves everything as it was and says why in an error notice.
   * @returns whether it was opened
   */
  openNetwork(text: string): boolean;
  /** The network as a PyTorch file (pytorchExport.ts); null when there is none. */
  exportPytorch(): Promise<{ name: string; text: string } | null>;
}

/**
 * What the page says after a freeze: "Froze 12 neurons: test loss 0.081 → 0.094.", and which
 * learned neurons go on learning.
 */
export function freezeNoticeText(event: FrozenEvent): string {
  const loss = (value: number) => (Number.isFinite(value) ? value.toPrecision(3) : String(value));
  const neurons = event.changed === 1 ? '1 neuron' : `${event.changed} neurons`;
  let text = `Froze ${neurons}: test loss ${loss(event.testLossBefore)} → ${loss(event.testLossAfter)}.`;
  const learning = event.hidden.flat().filter((id) => id === 'prelu' || id === 'swish').length;
  if (learning > 0) {
    text += ` ${learning === 1 ? '1 PReLU or Swish neuron keeps' : `${learning} PReLU or Swish neurons keep`} learning its parameter.`;
  }
  return text;
}

function readoutsOf(frame: Frame): Readouts {
  return {
    epoch: frame.epoch,
    trainLoss: frame.trainLoss,
    testLoss: frame.testLoss,
    trainAccuracy: frame.trainAccuracy,
    testAccuracy: frame.testAccuracy,
    epochsPerSecond: frame.epochsPerSecond,
  };
}

function failureText(event: FailedEvent): string {
  return event.command
    ? `The training worker could not carry out "${event.command}": ${event.message}`
    : `Training failed: ${event.message}`;
}

function windowHashOptions(options: BridgeOptions): {
  location: LocationLike;
  history: HistoryLike;
  events?: HashEvents;
  onLeave?: OnLeave;
  handoff?: HandoffStorage;
} | null {
  const g = globalThis as { location?: LocationLike; history?: HistoryLike } & Partial<HashEvents>;
  const location = options.location ?? g.location;
  const history = options.history ?? g.history;
  if (!location || !history) return null;
  const isWindow =
    options.location === undefined &&
    typeof g.addEventListener === 'function' &&
    typeof document !== 'undefined';
  const events = options.events ?? (isWindow ? (g as HashEvents) : undefined);
  const onLeave = options.onLeave ?? (isWindow ? onWindowLeave : undefined);
  const handoff = options.handoff ?? (isWindow ? windowSessionStorage() : undefined);
  return {
    location,
    history,
    ...(events ? { events } : {}),
    ...(onLeave ? { onLeave } : {}),
    ...(handoff ? { handoff } : {}),
  };
}

/** The tab's sessionStorage, or none where reading it throws (a sandboxed frame). */
function windowSessionStorage(): HandoffStorage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * Connects `store` to the worker behind `port` and paints through `hub`. Loads the page's
 * hash (see `loadHashOnConnect`), sends the config, speed and run state at once, then every
 * change of them.
 */
export function connect(
  store: PlaygroundStore,
  port: TrainingPort,
  hub: FrameHub,
  options: BridgeOptions = {},
): Connection {
  const act = actions(store);
  const interval = options.readoutInterval ?? READOUT_INTERVAL_MS;
  let lastReadoutAt = -Infinity;
  let pendingReadouts: Readouts | null = null;
  let readoutTimer: ReturnType<typeof setTimeout> | null = null;

  function writeReadouts(readouts: Readouts): void {
    if (readoutTimer !== null) clearTimeout(readoutTimer);
    readoutTimer = null;
    pendingReadouts = null;
    lastReadoutAt = Date.now();
    store.setState({ readouts });
  }

  function flushReadouts(): void {
    if (pendingReadouts !== null) writeReadouts(pendingReadouts);
  }

  function onFrame(frame: Frame): void {
    if (!hub.pushFrame(frame, () => port.frameDone())) return;
    const readouts = readoutsOf(frame);
    const wait = lastReadoutAt + interval - Date.now();
    // A paused page (or a step) shows the exact numbers of its last frame at once.
    if (!frame.running || !store.getState().running || wait <= 0) {
      writeReadouts(readouts);
      return;
    }
    pendingReadouts = readouts;
    readoutTimer ??= setTimeout(flushReadouts, wait);
  }

  function onDiverged(event: DivergedEvent): void {
    if (hub.isStale(event.generation)) return;
    flushReadouts();
    // The page shows `divergence` as its own alert (with a reset button), not as a notice.
    store.setState({ running: false, divergence: { epoch: event.epoch, hint: event.hint } });
  }

  /** The notice of the latest incident, updated in place while the incident goes on. */
  let incidentNotice: { incident: number; id: number } | null = null;

  function onCrash(report: CrashReport): void {
    if (report.restarted && report.restoredEpoch !== null && report.restoredEpoch > 0) {
      // The same network goes on from the checkpoint: keep its loss curve up to there.
      hub.continueAs(port.generation, report.restoredEpoch);
    }
    if (!report.restarted) store.setState({ running: false });
    const kind = report.restarted ? 'warning' : 'error';
    const text = crashNoticeText(report);
    const same = incidentNotice?.incident === report.incident;
    if (same && incidentNotice && act.replaceNotice(incidentNotice.id, kind, text)) return;
    incidentNotice = { incident: report.incident, id: act.pushNotice(kind, text) };
  }

  /** The loss curve up to `epoch`, as a file holds it. */
  function historyUntil(epoch: number) {
    const curve = hub.lossHistory();
    const keep = Array.from(curve.epochs).filter((e) => e <= epoch).length;
    return {
      epochs: Array.from(curve.epochs.subarray(0, keep)),
      trainLoss: Array.from(curve.trainLoss.subarray(0, keep)),
      testLoss: Array.from(curve.testLoss.subarray(0, keep)),
    };
  }

  /** Carries out a freeze or its undo (the store's `learnedRequest`). */
  async function carryOutLearned(kind: 'freeze' | 'undoFreeze'): Promise<void> {
    const { config, freezeUndo, ownData } = store.getState();
    if (kind === 'undoFreeze') {
      if (freezeUndo === null) return;
      pendingReadouts = null;
      port.open(freezeUndo.config, freezeUndo.state, ownData);
      hub.loadHistory(
        port.generation,
        historyUntil(freezeUndo.state.epoch),
        freezeUndo.state.epoch,
      );
      store.setState({ config: freezeUndo.config, freezeUndo: null, divergence: null });
      return;
    }
    const event = await port.freeze();
    if (event === null || !connected) return;
    const now = store.getState().config;
    // The worker has the frozen activations already: the client sends nothing for them.
    store.setState({
      config: { ...now, hidden: event.hidden },
      freezeUndo: {
        config,
        state: event.before,
        testLossBefore: event.testLossBefore,
        testLossAfter: event.testLossAfter,
      },
    });
    act.pushNotice('info', freezeNoticeText(event));
  }

  const hashOptions = windowHashOptions(options);
  const hashSync = hashOptions
    ? new HashSync({ ...hashOptions, delay: options.hashDelay }, (hash) => act.loadFromHash(hash))
    : null;

  const openedHash = hashOptions?.location.hash ?? '';
  if (options.loadHashOnConnect !== false && openedHash.length > 1) act.loadFromHash(openedHash);

  const unsubscribers = [
    port.onFrame(onFrame),
    port.onData((data) => hub.pushData(data)),
    port.onDiverged(onDiverged),
    port.onFailed((event) => act.pushNotice('error', failureText(event))),
    port.onCrash(onCrash),
    store.subscribe((state, previous) => {
      if (state.config !== previous.config || state.ownData !== previous.ownData) {
        port.configure(state.config, state.ownData);
        hub.expectGeneration(port.generation);
        hashSync?.schedule(state.config);
        if (state.config.speed !== previous.config.speed) port.setSpeed(state.config.speed);
      }
      if (state.running !== previous.running) {
        port.setRunning(state.running);
        if (!state.running) flushReadouts();
      }
      if (state.learnedRequest !== previous.learnedRequest && state.learnedRequest !== null) {
        void carryOutLearned(state.learnedRequest.kind);
      }
    }),
  ];

  const initial = store.getState();
  port.configure(initial.config, initial.ownData);
  hub.expectGeneration(port.generation);
  port.setSpeed(initial.config.speed);
  port.setRunning(initial.running);
  hashSync?.schedule(initial.config);

  let connected = true;
  const disconnect = (): void => {
    if (!connected) return;
    connected = false;
    for (const unsubscribe of unsubscribers) unsubscribe();
    if (readoutTimer !== null) clearTimeout(readoutTimer);
    hashSync?.dispose();
  };

  return Object.assign(disconnect, {
    disconnect,
    step(epochs = 1): void {
      if (!connected || !Number.isFinite(epochs) || epochs < 1) return;
      act.setRunning(false);
      port.step(Math.floor(epochs));
    },
    setWeight(address: WeightAddress, value: number): void {
      if (connected) port.setWeight(address, value);
    },
    async saveNetwork(): Promise<NetworkFile | null> {
      if (!connected) return null;
      const config = store.getState().config;
      const state = await port.requestCheckpoint();
      if (state === null) return null;
      const curve = hub.lossHistory();
      const keep = Array.from(curve.epochs).filter((epoch) => epoch <= state.epoch).length;
      const { ownData } = store.getState();
      return makeNetworkFile(config, state, ownData, {
        epochs: Array.from(curve.epochs.subarray(0, keep)),
        trainLoss: Array.from(curve.trainLoss.subarray(0, keep)),
        testLoss: Array.from(curve.testLoss.subarray(0, keep)),
      });
    },
    async exportPytorch(): Promise<{ name: string; text: string } | null> {
      if (!connected) return null;
      const config = store.getState().config;
      const state = await port.requestCheckpoint();
      if (state === null) return null;
      const { ownData } = store.getState();
      return { name: pytorchFileName(state.epoch), text: pytorchScript(config, state, ownData) };
    },
    openNetwork(text: string): boolean {
      if (!connected) return false;
      const read = readNetworkFile(text);
      if (!read.ok) {
        act.pushNotice('error', read.message);
        return false;
      }
      const { config, state, history, data } = read.file;
      pendingReadouts = null;
      store.setState({ running: false, divergence: null });
      // The port builds and restores first: the change of config and data below (in one
      // update, so the port sees them together) then sends nothing more.
      port.open(config, state, data);
      hub.loadHistory(port.generation, history, state.epoch);
      store.setState({ config, ownData: data, selection: [], hovered: null });
      return true;
    },
    reset(): void {
      if (!connected) return;
      // Drop the old network's pending numbers first: pausing below would flush them.
      pendingReadouts = null;
      store.setState({ running: false, divergence: null, readouts: EMPTY_READOUTS });
      port.reset();
      hub.expectGeneration(port.generation);
      hub.clearHistory();
    },
  });
}
