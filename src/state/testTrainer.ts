/** A worker's Trainer on a fake clock for tests, driven until quiet after every command. */
import type { PlaygroundConfig } from '../config';
import type { Point } from '../data';
import type { Frame, FrozenEvent, SessionState, WorkerEvent } from '../worker/protocol';
import { FRAME_INTERVAL_MS, Trainer } from '../worker/trainer';

export function trainer() {
  const events: WorkerEvent[] = [];
  let time = 0;
  const t = new Trainer(
    (event) => events.push(event),
    () => time,
  );
  const settle = () => {
    t.handle({ type: 'frameDone' });
    for (let i = 0; i < 1000 && t.nextDelayMs() !== null; i++) {
      time += FRAME_INTERVAL_MS;
      t.runSlice(10);
      t.handle({ type: 'frameDone' });
    }
  };
  return {
    events,
    build(config: PlaygroundConfig) {
      t.handle({ type: 'build', generation: 1, config });
      settle();
    },
    buildWith(config: PlaygroundConfig, ownData: readonly Point[] | null) {
      t.handle({ type: 'build', generation: 1, config, ownData });
      settle();
    },
    restore(state: SessionState) {
      t.handle({ type: 'restore', generation: 1, state });
      settle();
    },
    step(epochs: number) {
      t.handle({ type: 'step', epochs });
      settle();
    },
    checkpoint(): SessionState {
      t.handle({ type: 'checkpoint' });
      const failed = events.filter((e) => e.type === 'failed').pop();
      if (failed) throw new Error(JSON.stringify(failed));
      const last = events.filter((e) => e.type === 'checkpoint').pop();
      if (!last) throw new Error('no checkpoint');
      return last.state;
    },
    /** Freezes the learned choices and returns the worker's answer. */
    freeze(): FrozenEvent {
      t.handle({ type: 'freeze' });
      const last = events.filter((e): e is FrozenEvent => e.type === 'frozen').pop();
      if (!last) throw new Error('no frozen event');
      settle();
      return last;
    },
    lastFrame(): Frame {
      const last = events.filter((e): e is Frame => e.type === 'frame').pop();
      if (!last) throw new Error('no frame');
      return last;
    },
  };
}
