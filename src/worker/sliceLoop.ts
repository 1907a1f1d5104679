/**
 * The time-sliced loop a worker adapter runs its trainer in: a slice of training, then a turn
 * for the page's commands, then the next slice when the trainer says one is due.
 */

/** What the loop needs of a trainer (Trainer, LockstepTrainer). */
export interface SlicedWork {
  /** Trains for about `budgetMs`; reports its own errors. */
  runSlice(budgetMs: number): unknown;
  /** Milliseconds until there is work: 0 for at once, null for none until the next command. */
  nextDelayMs(): number | null;
}

/** Time one slice may train before commands get a turn, in milliseconds. */
export const SLICE_MS = 10;

/**
 * Starts the loop over `work`; call the returned `schedule` after every command.
 * @param onError gets what a slice threw past the trainer's own reporting
 */
export function startSliceLoop(
  work: SlicedWork,
  onError: (error: unknown) => void,
): { schedule(): void } {
  // A zero-delay wake-up that, unlike setTimeout(0), is not clamped to 4 ms when repeated.
  // Its messages queue behind the page's commands, so every slice lets commands through.
  const channel = new MessageChannel();
  let wakeQueued = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function schedule(): void {
    const delay = work.nextDelayMs();
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    // Paused with nothing waiting: no timer at all until the next command.
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
    try {
      work.runSlice(SLICE_MS);
    } catch (error) {
      onError(error);
    }
    schedule();
  }

  channel.port1.onmessage = () => {
    wakeQueued = false;
    tick();
  };
  return { schedule };
}
