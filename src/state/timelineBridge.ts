/**
 * The page's side of the timeline: scrubbing pauses training and asks the worker to show a
 * snapshot; "Back to live" and "Resume from here" go back or branch; the worker's reports go
 * to the timeline hub, and a branch cuts the loss curve and takes the snapshot's settings.
 *
 * Edits while a snapshot is shown: they apply to that snapshot, as a new branch from it (the
 * worker branches before it applies a patch or a weight; see protocol.ts). The timeline says so
 * while a snapshot is shown, so nobody loses the live run by surprise.
 */
import { SETTING_KEYS, SETTINGS, type PlaygroundConfig, type SettingKey } from '../config';
import type { BranchedEvent, TimelineInfo } from '../worker/protocol';
import { actions } from './actions';
import type { FrameHub } from './frameHub';
import type { PlaygroundStore } from './store';
import { TimelineHub } from './timelineHub';

/** What the timeline uses of the training client; `TrainingClient` fits it. */
export interface TimelinePort {
  /** `request` numbers the page's view requests; the worker's reports echo the last one. */
  viewSnapshot(epoch: number, request?: number): void;
  leaveTimeline(request?: number): void;
  resumeFromSnapshot(epoch: number): void;
  onTimeline(listener: (info: TimelineInfo) => void): () => void;
  onBranched(listener: (event: BranchedEvent) => void): () => void;
}

export interface TimelineConnection {
  readonly hub: TimelineHub;
  /** Pauses and shows the snapshot of `epoch`. */
  view(epoch: number): void;
  /** Shows the live network again, exactly as it was. */
  leave(): void;
  /** Continues training from the snapshot shown, as a new branch. */
  resume(): void;
  disconnect(): void;
}

/**
 * `current` with the settings that decide what training computes (activations, optimizer,
 * rates, regularisation, batch size: every 'patch' setting) taken from `snapshot`; the data,
 * the shape, the speed and the display stay as they are.
 */
export function branchConfig(
  current: PlaygroundConfig,
  snapshot: PlaygroundConfig,
): PlaygroundConfig {
  const patched = SETTING_KEYS.filter(
    (key: SettingKey) => key === 'hidden' || SETTINGS[key].effect === 'patch',
  );
  const next: Record<string, unknown> = { ...current };
  for (const key of patched) next[key] = snapshot[key];
  return next as unknown as PlaygroundConfig;
}

export function connectTimeline(
  store: PlaygroundStore,
  port: TimelinePort,
  frames: FrameHub,
): TimelineConnection {
  const hub = new TimelineHub();
  const act = actions(store);

  function onBranched(event: BranchedEvent): void {
    frames.dropHistoryAfter(event.epoch);
    hub.setViewing(null);
    store.setState({ divergence: null });
    // An edit started the branch: the page's settings, edit included, apply on top already.
    if (!event.byEdit)
      store.setState({ config: branchConfig(store.getState().config, event.config) });
  }

  const unsubscribers = [port.onTimeline((info) => hub.update(info)), port.onBranched(onBranched)];

  return {
    hub,
    view(epoch: number): void {
      act.setRunning(false);
      port.viewSnapshot(epoch, hub.request(epoch));
    },
    leave(): void {
      if (hub.viewing === null) return;
      port.leaveTimeline(hub.request(null));
    },
    resume(): void {
      const epoch = hub.viewing;
      if (epoch === null) return;
      port.resumeFromSnapshot(epoch);
      hub.setViewing(null);
      act.setRunning(true);
    },
    disconnect(): void {
      for (const unsubscribe of unsubscribers) unsubscribe();
    },
  };
}
