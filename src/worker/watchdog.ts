/**
 * The page's heartbeat check on the training worker. While the worker is expected to work
 * (training runs, it has reported work still to do, or a command was sent that it has not yet
 * been seen to read), a `ping` goes out every `pingIntervalMs`, one at a time; a ping left
 * unanswered for `stallMs` means the worker stopped (`self.close()`), hangs (an endless loop)
 * or never loaded, none of which fires an event on the Worker object. When nothing is
 * expected there are no timers at all.
 *
 * A worker that has not answered anything yet gets `loadMs` instead: it may still be fetching
 * and compiling its script on a slow computer or network.
 */

export const PING_INTERVAL_MS = 500;
export const STALL_MS = 2000;
export const LOAD_MS = 5000;

export interface WatchdogOptions {
  readonly pingIntervalMs?: number;
  readonly stallMs?: number;
  readonly loadMs?: number;
  /** Milliseconds, monotonic; `performance.now` by default. */
  readonly now?: () => number;
}

export class Watchdog {
  private readonly pingIntervalMs: number;
  private readonly stallMs: number;
  private readonly loadMs: number;
  private readonly now: () => number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private nextId = 1;
  /** The ping in flight: its id, when it was sent, and the commands sent before it. */
  private ping: { id: number; sentAt: number; commands: number } | null = null;
  /** Commands sent to the current worker, and how many of them it was seen to read. */
  private commands = 0;
  private commandsRead = 0;
  private workerBusy = false;
  private heard = false;
  private lastTickAt = -Infinity;
  private stopped = false;

  /**
   * @param sendPing posts `{ type: 'ping', id }` to the current worker
   * @param running whether the page wants training to run now
   * @param onStall called once when the worker is declared stalled; the watchdog then sleeps
   *   until `newWorker`
   */
  constructor(
    private readonly sendPing: (id: number) => void,
    private readonly running: () => boolean,
    private readonly onStall: () => void,
    options: WatchdogOptions = {},
  ) {
    this.pingIntervalMs = options.pingIntervalMs ?? PING_INTERVAL_MS;
    this.stallMs = options.stallMs ?? STALL_MS;
    this.loadMs = options.loadMs ?? LOAD_MS;
    this.now = options.now ?? (() => performance.now());
  }

  /** A command went to the worker: it must be seen to read it. */
  commandSent(): void {
    this.commands++;
    this.wake();
  }

  /** The page's intent may have changed (training started or stopped): check again. */
  wake(): void {
    if (this.timer !== null || this.stopped || !this.expectsWork()) return;
    this.lastTickAt = this.now();
    if (this.ping === null) this.sendNextPing();
    this.timer = setTimeout(() => this.tick(), this.pingIntervalMs);
  }

  /** Anything arrived from the worker: it loaded. */
  heardFrom(): void {
    this.heard = true;
  }

  /** The worker answered ping `id`; `busy` says whether it still has training to do. */
  pong(id: number, busy: boolean): void {
    if (this.ping?.id !== id) return;
    this.commandsRead = this.ping.commands;
    this.workerBusy = busy;
    this.ping = null;
  }

  /** A fresh worker replaced the old one: forget everything about the old. */
  newWorker(): void {
    this.clearTimer();
    this.ping = null;
    this.commands = 0;
    this.commandsRead = 0;
    this.workerBusy = false;
    this.heard = false;
    this.stopped = false;
  }

  /** No more pings (the worker is gone for good, or the client disposed). */
  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private expectsWork(): boolean {
    return this.running() || this.workerBusy || this.commandsRead < this.commands;
  }

  private tick(): void {
    this.timer = null;
    if (this.stopped || !this.expectsWork()) return;
    const now = this.now();
    // A tick that comes late (the page itself was blocked, or its timers throttled while it is
    // hidden) may run before a pong that arrived meanwhile: judge only after a tick on time.
    const onTime = now - this.lastTickAt < this.stallMs;
    this.lastTickAt = now;
    if (this.ping === null) {
      this.sendNextPing();
    } else if (onTime && now - this.ping.sentAt >= (this.heard ? this.stallMs : this.loadMs)) {
      this.stop();
      this.onStall();
      return;
    }
    this.timer = setTimeout(() => this.tick(), this.pingIntervalMs);
  }

  private sendNextPing(): void {
    const id = this.nextId++;
    this.ping = { id, sentAt: this.now(), commands: this.commands };
    this.sendPing(id);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
