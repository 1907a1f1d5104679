/**
 * The timeline of a training session: compact snapshots of everything an epoch depends on,
 * taken after every epoch and thinned as the run grows, and the events worth marking on it
 * (activation changes, divergence, a neuron dying or reviving, a freeze).
 *
 * A snapshot holds what sessionState.ts holds, in typed arrays instead of JSON-safe lists
 * (it is taken at every epoch, so it must cost a few array copies and allocate nothing once
 * the pool is warm), plus the configuration it was trained under: a snapshot loaded back and
 * trained on gives bit for bit what the session it was taken from gave after that epoch.
 *
 * Memory bound (fixed activations; a learned one adds 24 bytes per parameter): at most MAX_TIMELINE_SNAPSHOTS snapshots are held (the kept ones and the
 * provisional newest), each of `snapshotBytes` bytes; spares are reused before a new one is
 * allocated, so at most MAX + 1 exist at once. For the 6×8 network (7 inputs, 6 hidden layers
 * of 8, one output: 384 weights, 56 units) and 450 training examples a snapshot is 13,720
 * bytes: at most 2.76 MB. For the largest network the settings allow (8 layers of 16: 1,920
 * weights) 54,424 bytes: at most 10.94 MB. timeline.test.ts computes both.
 */
import { Network, Rng, activationInfo } from '../nn';
import { networkSpecOf, trainingSpecOf, type PlaygroundConfig } from '../config';
import { ParameterSnapshot } from './snapshot';
import type { Session } from './session';

/** Snapshots kept at most (the provisional newest included). */
export const MAX_TIMELINE_SNAPSHOTS = 200;
/** Events kept at most; the oldest go first. */
export const MAX_TIMELINE_EVENTS = 200;

/**
 * What a mark on the timeline stands for. `start` opens every timeline (a build, a reset, a
 * restore); the others mark what happened after the epoch they carry.
 */
export type TimelineEventKind =
  'start' | 'activation' | 'diverged' | 'died' | 'revived' | 'freeze' | 'edit';

export interface TimelineEvent {
  /** The epoch after which it happened (the epoch the network stood at). */
  readonly epoch: number;
  readonly kind: TimelineEventKind;
  /** One line for the mark's tooltip ("Layer 1 neuron 3: Tanh to ReLU"). */
  readonly text: string;
}

/**
 * The state after one epoch: what a divergence restores (ParameterSnapshot), plus the
 * configuration it was trained under, the epoch and the shuffle generator's position.
 */
class TimelineSnapshot {
  epoch = 0;
  config: PlaygroundConfig;
  private readonly state: ParameterSnapshot;
  private readonly shuffleRng = new Uint32Array(4);

  constructor(session: Session) {
    this.config = session.config;
    this.state = new ParameterSnapshot(session.net);
  }

  take(session: Session): void {
    this.epoch = session.epoch;
    this.config = session.config;
    this.state.take(session.net, session.order);
    this.shuffleRng.set(session.shuffleRng.getState());
  }

  /**
   * Puts the snapshot into `session`, whose network has its activations and optimizer (so the
   * learned parameters' layout is the snapshot's).
   */
  putInto(session: Session): void {
    this.state.restore(session.net, session.order);
    session.shuffleRng.setState(Array.from(this.shuffleRng));
    session.epoch = this.epoch;
  }

  fits(session: Session): boolean {
    return this.state.fits(session.net, session.order);
  }
}

/** Bytes one snapshot of `session`'s network and training set takes (typed arrays only). */
export function snapshotBytes(session: Session): number {
  const { net } = session;
  const doubles =
    3 * net.weights.length +
    3 * net.biases.length +
    3 * net.unitCount +
    3 * net.activationParams.length;
  return 8 * doubles + 4 * session.order.length + 16;
}

/**
 * Snapshots and events of one session. Thinning: snapshots are kept at epochs `first + k·s`
 * (s, the spacing, starts at 1); when MAX snapshots are kept, every second one goes and the
 * spacing doubles, so the kept ones stay evenly spread over the whole run, the first always
 * among them. The newest epoch is always there too: when it is not on the spacing it is held
 * as a provisional snapshot, replaced by the next epoch's.
 */
export class Timeline {
  private kept: TimelineSnapshot[] = [];
  private tail: TimelineSnapshot | null = null;
  /** Snapshots no longer used, reused before allocating (all of one session's shape). */
  private pool: TimelineSnapshot[] = [];
  private spacing = 1;
  private firstEpoch = 0;
  private eventList: TimelineEvent[] = [];
  private changeCount = 0;

  constructor(private readonly maxSnapshots = MAX_TIMELINE_SNAPSHOTS) {
    if (!Number.isInteger(maxSnapshots) || maxSnapshots < 3) {
      throw new RangeError(
        `maxSnapshots must be a whole number of at least 3, got ${maxSnapshots}`,
      );
    }
  }

  /** Bumped on every change; tells the trainer when the page's copy is out of date. */
  get version(): number {
    return this.changeCount;
  }

  /** Epochs of the snapshots, oldest first. */
  get epochs(): number[] {
    const epochs = this.kept.map((s) => s.epoch);
    if (this.tail) epochs.push(this.tail.epoch);
    return epochs;
  }

  get events(): readonly TimelineEvent[] {
    return this.eventList;
  }

  /** Snapshots held now (at most maxSnapshots). */
  get length(): number {
    return this.kept.length + (this.tail ? 1 : 0);
  }

  /** Forgets everything and opens a new timeline at `session`'s state (a build, reset, restore). */
  start(session: Session, text: string): void {
    this.pool = [];
    this.kept = [];
    this.tail = null;
    this.spacing = 1;
    this.firstEpoch = session.epoch;
    this.eventList = [];
    this.record(session);
    this.addEvent(session.epoch, 'start', text);
  }

  /**
   * Records `session`'s state as the snapshot of its epoch; a second record at the newest
   * epoch (after an edit) replaces that snapshot, so it holds what training goes on from.
   */
  record(session: Session): void {
    this.changeCount++;
    const newest = this.tail ?? this.kept[this.kept.length - 1];
    if (newest && newest.epoch === session.epoch) {
      newest.take(session);
      return;
    }
    if ((session.epoch - this.firstEpoch) % this.spacing !== 0) {
      this.tail ??= this.fresh(session);
      this.tail.take(session);
      return;
    }
    const snapshot = this.fresh(session);
    snapshot.take(session);
    if (this.tail) this.pool.push(this.tail);
    this.tail = null;
    this.kept.push(snapshot);
    if (this.kept.length >= this.maxSnapshots) this.thin();
  }

  /**
   * Marks an event at `epoch`. The one way to put a mark on the timeline: the trainer adds
   * activation changes and divergence; detectors of dying and reviving neurons and a freeze
   * call this (through `Trainer.addTimelineEvent`) with their own kind and words.
   */
  addEvent(epoch: number, kind: TimelineEventKind, text: string): void {
    this.changeCount++;
    this.eventList.push({ epoch, kind, text });
    if (this.eventList.length > MAX_TIMELINE_EVENTS) this.eventList.shift();
  }

  /**
   * Loads the snapshot of `epoch` (see `find`) into a new session of its own (sharing the data of
   * `session`, nothing that changes): the live session stays as it was.
   * @returns null when no snapshot that old is kept
   */
  view(session: Session, epoch: number): Session | null {
    const snapshot = this.find(epoch);
    if (!snapshot || !snapshot.fits(session)) return null;
    const { config } = snapshot;
    const net = new Network(networkSpecOf(config), trainingSpecOf(config));
    const view: Session = {
      ...session,
      config,
      net,
      order: new Int32Array(session.order.length),
      shuffleRng: new Rng(1),
      snapshot: new ParameterSnapshot(net),
    };
    snapshot.putInto(view);
    return view;
  }

  /** The configuration the snapshot of `epoch` was trained under, or null when not kept. */
  configAt(epoch: number): PlaygroundConfig | null {
    return this.find(epoch)?.config ?? null;
  }

  /**
   * Makes the snapshot of `epoch` (see `find`) the session's state: `applyConfig` first puts its
   * configuration into the session (activations, optimizer), then its numbers go in, and
   * every later snapshot and event is dropped: training from here is a new branch.
   * @returns false when no snapshot of that epoch is kept (nothing changed)
   */
  branch(
    session: Session,
    epoch: number,
    applyConfig: (config: PlaygroundConfig) => void,
  ): boolean {
    const snapshot = this.find(epoch);
    if (!snapshot || !snapshot.fits(session)) return false;
    applyConfig(snapshot.config);
    snapshot.putInto(session);
    this.dropAfter(snapshot.epoch);
    return true;
  }

  private dropAfter(epoch: number): void {
    this.changeCount++;
    if (this.tail && this.tail.epoch > epoch) {
      this.pool.push(this.tail);
      this.tail = null;
    }
    while (
      this.kept.length > 0 &&
      (this.kept[this.kept.length - 1] as TimelineSnapshot).epoch > epoch
    ) {
      this.pool.push(this.kept.pop() as TimelineSnapshot);
    }
    // A kept snapshot off the current spacing (kept before a thinning, then left as the newest)
    // cannot happen: thinning only removes. The kept newest is on the spacing, so recording
    // goes on evenly from it.
    this.eventList = this.eventList.filter((event) => event.epoch <= epoch);
  }

  /**
   * The snapshot of `epoch`, else the newest before it: the page asks by the epochs it was last
   * told of, and a thinning since may have dropped the one it saw.
   */
  private find(epoch: number): TimelineSnapshot | undefined {
    if (this.tail && this.tail.epoch <= epoch) return this.tail;
    let found: TimelineSnapshot | undefined;
    for (const snapshot of this.kept) if (snapshot.epoch <= epoch) found = snapshot;
    return found;
  }

  /** The epoch of the snapshot `find` gives for `epoch`, or null when none is that old. */
  resolve(epoch: number): number | null {
    return this.find(epoch)?.epoch ?? null;
  }

  private fresh(session: Session): TimelineSnapshot {
    const spare = this.pool.pop();
    return spare && spare.fits(session) ? spare : new TimelineSnapshot(session);
  }

  /** Keeps every second kept snapshot (the first always) and doubles the spacing. */
  private thin(): void {
    this.spacing *= 2;
    const newest = this.kept[this.kept.length - 1] as TimelineSnapshot;
    const keep: TimelineSnapshot[] = [];
    for (const snapshot of this.kept) {
      if ((snapshot.epoch - this.firstEpoch) % this.spacing === 0) keep.push(snapshot);
      else if (snapshot !== newest) this.pool.push(snapshot);
    }
    // The newest epoch stays reachable, as the provisional snapshot when off the new spacing.
    if (keep[keep.length - 1] !== newest) this.tail = newest;
    this.kept = keep;
    this.changeCount++;
  }
}

/** The activation changes from `before` to `after` in words, one per neuron. */
export function activationChanges(before: PlaygroundConfig, after: PlaygroundConfig): string[] {
  const changes: string[] = [];
  after.hidden.forEach((layer, l) =>
    layer.forEach((id, j) => {
      const old = before.hidden[l]?.[j];
      if (old !== undefined && old !== id) {
        const from = activationInfo(old).label;
        const to = activationInfo(id).label;
        changes.push(`Layer ${l + 1} neuron ${j + 1}: ${from} to ${to}`);
      }
    }),
  );
  return changes;
}
