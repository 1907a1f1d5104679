/**
 * The timeline under the loss chart: a slider over the snapshots the worker keeps, with the
 * events marked above its track. Dragging it back pauses and shows that moment everywhere
 * (network, heatmaps, neuron views, readouts); "Back to live", Escape or the slider's end show
 * the live network again; "Resume from here" trains on from the moment shown, as a new branch.
 *
 * Keyboard: it is a native range input over snapshot indices, so the arrow keys step from one
 * snapshot to the next, Home goes to the first and End back to live.
 */
import { useSyncExternalStore, type KeyboardEvent } from 'react';
import type { TimelineEvent, TimelineEventKind } from '../../worker/protocol';
import { useRuntime } from '../runtime';
import './timeline.css';

/** How each kind of event is drawn and named in the legend. */
const EVENT_LOOK: Record<TimelineEventKind, { symbol: string; name: string }> = {
  start: { symbol: '●', name: 'start' },
  activation: { symbol: '◆', name: 'activation changed' },
  diverged: { symbol: '▲', name: 'diverged' },
  died: { symbol: '✕', name: 'neuron died' },
  revived: { symbol: '✚', name: 'neuron revived' },
  freeze: { symbol: '■', name: 'frozen' },
  edit: { symbol: '✎', name: 'edited' },
};

/** The index of the last snapshot at or before `epoch` (0 when none is). */
export function snapshotIndexAt(epochs: readonly number[], epoch: number): number {
  let index = 0;
  for (let i = 0; i < epochs.length; i++) if ((epochs[i] as number) <= epoch) index = i;
  return index;
}

function epochText(epoch: number): string {
  return `epoch ${epoch.toLocaleString('en')}`;
}

/** The "Timeline" slider, its marks and legend, and the way back to live. */
export function Timeline() {
  const { timeline } = useRuntime();
  const state = useSyncExternalStore(timeline.hub.subscribe, timeline.hub.getState);
  const { epochs, events, viewing, liveEpoch } = state;
  const last = Math.max(0, epochs.length - 1);
  const index = viewing === null ? last : snapshotIndexAt(epochs, viewing);
  const shownEpoch = viewing ?? liveEpoch;
  // The start mark says nothing a slider does not; the others are what a class looks for.
  const marks = events.filter((event) => event.kind !== 'start');
  const kinds = [...new Set(marks.map((event) => event.kind))];
  const here = marks.filter((event) => event.epoch === shownEpoch).map((event) => event.text);
  const valueText = [
    viewing === null ? `Live, ${epochText(liveEpoch)}` : `Epoch ${shownEpoch.toLocaleString('en')}`,
    ...here,
  ].join('; ');

  function choose(next: number): void {
    const epoch = epochs[next];
    if (epoch === undefined) return;
    if (next >= last) timeline.leave();
    else timeline.view(epoch);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key === 'Escape' && viewing !== null) {
      event.preventDefault();
      timeline.leave();
    }
  }

  return (
    <div className="timeline" role="group" aria-label="Replay" onKeyDown={onKeyDown}>
      <div className="timeline-status">
        {viewing === null ? (
          <span className="muted">
            {epochs.length < 2 ? 'Timeline: train to record one' : 'Timeline: live · drag back'}
          </span>
        ) : (
          <span
            className="timeline-actions"
            title="Training, and any edit made now, go on from this moment as a new branch"
          >
            <button type="button" className="text-button" onClick={() => timeline.leave()}>
              Back to live
            </button>
            <button type="button" className="text-button primary" onClick={() => timeline.resume()}>
              Resume from here
            </button>
          </span>
        )}
      </div>
      <div className="timeline-track">
        <div className="timeline-marks" aria-hidden="true">
          {marks.map((event, i) => (
            <EventMark
              key={`${event.epoch}-${i}`}
              event={event}
              at={last > 0 ? snapshotIndexAt(epochs, event.epoch) / last : 0}
            />
          ))}
        </div>
        <input
          type="range"
          aria-label="Timeline"
          min={0}
          max={last}
          step={1}
          value={index}
          disabled={epochs.length < 2}
          aria-valuetext={valueText}
          onChange={(event) => choose(Number(event.currentTarget.value))}
        />
      </div>
      {kinds.length > 0 && (
        <ul className="timeline-legend" aria-label="Timeline marks">
          {kinds.map((kind) => (
            <li key={kind} className={`timeline-kind-${kind}`}>
              <span aria-hidden="true">{EVENT_LOOK[kind].symbol}</span> {EVENT_LOOK[kind].name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function EventMark({ event, at }: { event: TimelineEvent; at: number }) {
  const look = EVENT_LOOK[event.kind];
  return (
    <span
      className={`timeline-mark timeline-kind-${event.kind}`}
      style={{ left: `${(at * 100).toFixed(2)}%` }}
      title={`${epochText(event.epoch)}: ${event.text}`}
    >
      {look.symbol}
    </span>
  );
}
