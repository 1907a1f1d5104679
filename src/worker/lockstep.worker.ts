/**
 * The comparison's worker: a thin adapter that feeds the page's commands to a LockstepTrainer
 * and runs its slices, as training.worker.ts does for the playground (see there for why the
 * wake-up is a MessageChannel and why `self` is typed as a Window).
 */
import { LockstepTrainer } from './lockstep';
import type { LockstepCommand, LockstepEvent } from './lockstepProtocol';

/** Time one slice may train before commands get a turn, in milliseconds. */
const SLICE_MS = 10;

function send(event: LockstepEvent, transfer: Transferable[]): void {
  self.postMessage(event, { transfer });
}

const trainer = new LockstepTrainer(send, () => performance.now());
const channel = new MessageChannel();
let wakeQueued = false;
let timer: ReturnType<typeof setTimeout> | null = null;

function schedule(): void {
  const delay = trainer.nextDelayMs();
  if (timer !== null) {
    clearTimeout(timer);
    timer = null;
  }
  if (delay === null || wakeQueued) return;
  if (delay <= 0) {
    wakeQueued = true;
    channel.port2.postMessage(null);
  } else {
    timer = setTimeout(tick, delay);
  }
}

function tick(): void {
  timer = null;
  trainer.runSlice(SLICE_MS);
  schedule();
}

channel.port1.onmessage = () => {
  wakeQueued = false;
  tick();
};

self.addEventListener('message', (event: MessageEvent<LockstepCommand>) => {
  trainer.handle(event.data);
  schedule();
});
