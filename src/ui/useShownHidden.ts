/**
 * The hidden activations the page shows: while the timeline shows a snapshot, the snapshot's
 * (an activation may have changed since, and the diagram must name what that moment
 * computed), else the page's own.
 */
import { useSyncExternalStore } from 'react';
import type { PlaygroundConfig } from '../config';
import { playgroundStore, usePlayground, type TimelineHub } from '../state';
import { useRuntime } from './runtime';

type Hidden = PlaygroundConfig['hidden'];

/**
 * `viewed` when there is one of the live network's shape, else `live`. A snapshot is always
 * of the live network (a new network starts a new timeline), so a shape that differs can only
 * be a report from before a rebuild, still on its way.
 */
export function shownHidden(live: Hidden, viewed: Hidden | null): Hidden {
  if (viewed === null || viewed.length !== live.length) return live;
  return viewed.every((layer, l) => layer.length === live[l]?.length) ? viewed : live;
}

/** `shownHidden` now, outside React (painters). */
export function currentShownHidden(timeline: TimelineHub): Hidden {
  return shownHidden(playgroundStore.getState().config.hidden, timeline.getState().viewedHidden);
}

/** `shownHidden` for a component, re-rendered when either side changes. */
export function useShownHidden(): Hidden {
  const live = usePlayground((s) => s.config.hidden);
  const { hub } = useRuntime().timeline;
  const viewed = useSyncExternalStore(hub.subscribe, () => hub.getState().viewedHidden);
  return shownHidden(live, viewed);
}
