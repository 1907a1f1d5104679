/**
 * The trainer's side of the timeline: records a snapshot after every epoch, shows a snapshot
 * in place of the live session without touching it, branches from one, and tells the page
 * what the timeline holds. The trainer owns the loop and the frames; this owns the rest, so
 * the trainer only calls in at a few points.
 *
 * Viewing keeps the live session as it is and builds a session of its own for the snapshot
 * (same data, its own network): the live state cannot be lost by viewing, and checkpoints,
 * which the trainer always takes of the live session, keep describing it, so a worker restart
 * while a snapshot is shown comes back to the live state.
 */
import type { PlaygroundConfig } from '../config';
import type { PostEvent } from './trainer';
import { patchSession, type Session } from './session';
import { Timeline, activationChanges, type TimelineEventKind } from './timeline';

/**
 * Least milliseconds between two timeline messages while training runs: the page redraws the
 * slider from them (in React), so a few a second, not one a frame.
 */
export const TIMELINE_POST_INTERVAL_MS = 250;

export class TimelineKeeper {
  readonly timeline = new Timeline();
  private viewed: Session | null = null;
  /** Bumped whenever what is shown changes (a snapshot, back to live). */
  private viewChanges = 0;
  private postedVersion = -1;
  /** The page's number of the last view request carried out (see protocol.ts). */
  private request = 0;
  private lastPostAt = -Infinity;

  constructor(private readonly post: PostEvent) {}

  /** The epoch of the snapshot shown, null when live. */
  get viewing(): number | null {
    return this.viewed?.epoch ?? null;
  }

  /** The session frames show: the viewed snapshot's, else the live one. */
  shown(live: Session): Session {
    return this.viewed ?? live;
  }

  /** A new timeline at `live`'s state (a build, a reset, a restore); back to live. */
  start(live: Session, text: string): void {
    this.viewChanges++;
    this.viewed = null;
    this.timeline.start(live, text);
  }

  /** After an epoch trained. */
  recordEpoch(live: Session): void {
    this.timeline.record(live);
  }

  /** See Timeline.addEvent. */
  addEvent(epoch: number, kind: TimelineEventKind, text: string): void {
    this.timeline.addEvent(epoch, kind, text);
  }

  /**
   * Shows the snapshot of `epoch`; the epoch of the live session itself means back to live.
   * @throws RangeError when no snapshot of that epoch is kept
   */
  view(live: Session, epoch: number, request = this.request): void {
    this.request = request;
    const shown = this.timeline.resolve(epoch);
    if (shown === null) throw new RangeError(`no snapshot of epoch ${epoch} or before is kept`);
    this.viewChanges++;
    // The newest snapshot is the live state itself.
    if (shown === live.epoch && this.timeline.epochs.at(-1) === shown) {
      this.viewed = null;
      return;
    }
    this.viewed = this.timeline.view(live, shown);
  }

  /** Back to the live session. @returns whether a snapshot was shown */
  leave(request = this.request): boolean {
    this.request = request;
    const was = this.viewed !== null;
    this.viewChanges++;
    this.viewed = null;
    return was;
  }

  /**
   * Makes the snapshot of `epoch` (or the newest before it) the live state, its configuration
   * too, drops what came after it and tells the page (`branched`).
   * @throws RangeError when no snapshot that old is kept
   */
  branch(live: Session, epoch: number, byEdit: boolean): void {
    const ok = this.timeline.branch(live, epoch, (config) => patchSession(live, config));
    if (!ok) throw new RangeError(`no snapshot of epoch ${epoch} or before is kept`);
    this.viewChanges++;
    this.viewed = null;
    const { generation, config } = live;
    this.post({ type: 'branched', generation, epoch: live.epoch, config, byEdit }, []);
  }

  /**
   * Before an edit (patch, weight): an edit made while a snapshot is shown applies to that
   * snapshot, as a new branch from it.
   */
  beforeEdit(live: Session): void {
    const epoch = this.viewing;
    if (epoch !== null) this.branch(live, epoch, true);
  }

  /** After a patch was applied: marks the activations it changed and re-records the epoch. */
  afterPatch(live: Session, before: PlaygroundConfig): void {
    for (const change of activationChanges(before, live.config)) {
      this.timeline.addEvent(live.epoch, 'activation', change);
    }
    this.timeline.record(live);
  }

  /** After any other edit of the live parameters (a weight): re-records the epoch. */
  afterEdit(live: Session): void {
    this.timeline.record(live);
  }

  /** Sends the timeline when it changed: at once when settled, a few times a second when busy. */
  postIfDue(live: Session, busy: boolean, now: number): void {
    // Both counters only grow, so their sum changes whenever either does.
    const key = this.timeline.version + this.viewChanges;
    if (key === this.postedVersion) return;
    if (busy && now - this.lastPostAt < TIMELINE_POST_INTERVAL_MS) return;
    this.postedVersion = key;
    this.lastPostAt = now;
    this.post(
      {
        type: 'timeline',
        generation: live.generation,
        epochs: this.timeline.epochs,
        events: this.timeline.events.slice(),
        viewing: this.viewing,
        viewedHidden: this.viewed?.config.hidden ?? null,
        liveEpoch: live.epoch,
        request: this.request,
      },
      [],
    );
  }
}
