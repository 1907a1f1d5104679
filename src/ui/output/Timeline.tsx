/**
 * The timeline under the loss chart: a slider over the snapshots the worker keeps, with the
 * events marked above its track. Dragging it back pauses and shows that moment everywhere
 * (network, heatmaps, neuron views, readouts); "Back to live", Escape or the slider's end show
 * the live network again; "Resume from here" trains on from the moment shown, as a new branch.
 *
 * Keyboard: it is a native range input over snapshot indices, so the arrow keys step from one
 * snapshot to the next, Home goes to the first and End back to live.
 */
import { useLayoutEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
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

/** How a count of each kind reads in a grouped mark's summary ("8 activation changes"). */
const COUNT_NAMES: Record<TimelineEventKind, readonly [one: string, many: string]> = {
  start: ['start', 'starts'],
  activation: ['activation change', 'activation changes'],
  diverged: ['divergence', 'divergences'],
  died: ['neuron died', 'neurons died'],
  revived: ['neuron revived', 'neurons revived'],
  freeze: ['freeze', 'freezes'],
  edit: ['edit', 'edits'],
};

/** Which kind a mark of several kinds is drawn as: the most alarming first. */
const KIND_RANK: readonly TimelineEventKind[] = [
  'diverged',
  'died',
  'revived',
  'activation',
  'freeze',
  'edit',
  'start',
];

/**
 * A mark's width as a share of its font size: the widest symbol with room either side, so
 * marks further apart than this never touch.
 */
export const MARK_WIDTH_EM = 1.25;

/** One drawn mark: the events that sit at one place on the track (one or more). */
export interface MarkGroup {
  /** Where it is drawn, as a share of the track (0 to 1). */
  readonly at: number;
  readonly kind: TimelineEventKind;
  readonly events: readonly TimelineEvent[];
  /** What the mark says: its tooltip, and its accessible name. */
  readonly text: string;
}

/**
 * What a list of events says in one line: the event's own words when it is alone, else the
 * epoch (or span of epochs), the count of each kind and every event's words
 * ("Epoch 0: 8 activation changes (Layer 1 neuron 1: Tanh to Learned mix; …)").
 */
export function describeEvents(events: readonly TimelineEvent[]): string {
  const first = events[0];
  if (!first) return '';
  const epochs = events.map((event) => event.epoch);
  const low = Math.min(...epochs);
  const high = Math.max(...epochs);
  const when =
    low === high
      ? `Epoch ${low.toLocaleString('en')}`
      : `Epochs ${low.toLocaleString('en')}–${high.toLocaleString('en')}`;
  if (events.length === 1) return `${when}: ${first.text}`;
  const counts = KIND_RANK.map((kind) => {
    const n = events.filter((event) => event.kind === kind).length;
    return n === 0 ? '' : `${n} ${COUNT_NAMES[kind][n === 1 ? 0 : 1]}`;
  }).filter((count) => count !== '');
  return `${when}: ${counts.join(', ')} (${events.map((event) => event.text).join('; ')})`;
}

/**
 * The events' marks as drawn on a track `width` px wide with marks `markWidth` px wide: marks
 * that would overlap (the same epoch, or closer than a mark's width) are drawn as one, at the
 * place of the first, that names them all. Each group starts at least a mark's width after the
 * last, so no two drawn marks touch. A track not yet measured (width 0) draws one mark.
 * @param at where each event sits on the track, as a share of it (0 to 1)
 */
export function groupMarks(
  events: readonly TimelineEvent[],
  at: (event: TimelineEvent) => number,
  width: number,
  markWidth: number,
): MarkGroup[] {
  const placed = events
    .map((event, order) => ({ event, order, share: Math.min(1, Math.max(0, at(event))) }))
    .sort((a, b) => a.share - b.share || a.order - b.order);
  const runs: { share: number; events: TimelineEvent[] }[] = [];
  for (const { event, share } of placed) {
    const run = runs[runs.length - 1];
    if (run && (share - run.share) * width < markWidth) run.events.push(event);
    else runs.push({ share, events: [event] });
  }
  return runs.map(({ share, events: members }) => ({
    at: share,
    kind: KIND_RANK.find((kind) => members.some((event) => event.kind === kind)) ?? 'start',
    events: members,
    text: describeEvents(members),
  }));
}

/** The marks row's width and its marks' width in px, followed as the row resizes. */
function useMarkRow() {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, markWidth: 0 });
  useLayoutEffect(() => {
    const row = ref.current;
    if (!row) return;
    const measure = () => {
      const width = row.clientWidth;
      const markWidth = parseFloat(getComputedStyle(row).fontSize) * MARK_WIDTH_EM || 0;
      setSize((old) =>
        old.width === width && old.markWidth === markWidth ? old : { width, markWidth },
      );
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(row);
    return () => observer.disconnect();
  }, []);
  return { ref, ...size };
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
  const row = useMarkRow();
  const groups = groupMarks(
    marks,
    (event) => (last > 0 ? snapshotIndexAt(epochs, event.epoch) / last : 0),
    row.width,
    row.markWidth,
  );
  // The events of the moment shown, for the slider's value ("Epoch 0; 8 activation changes").
  const here = marks.filter((event) => event.epoch === shownEpoch);
  const valueText = [
    viewing === null ? `Live, ${epochText(liveEpoch)}` : `Epoch ${shownEpoch.toLocaleString('en')}`,
    ...(here.length === 0 ? [] : [describeEvents(here).replace(/^Epochs? [^:]*: /, '')]),
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
        {/* The slider's value names the events of the moment shown: the marks only draw them. */}
        <div className="timeline-marks" aria-hidden="true" ref={row.ref}>
          {groups.map((group, i) => (
            <EventMark key={`${i}-${group.at}`} group={group} />
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

function EventMark({ group }: { group: MarkGroup }) {
  const several = group.events.length > 1;
  return (
    <span
      className={`timeline-mark timeline-kind-${group.kind}${several ? ' timeline-mark-group' : ''}`}
      style={{ left: `${(group.at * 100).toFixed(2)}%` }}
      title={group.text}
      role="img"
      aria-label={group.text}
      data-count={group.events.length}
    >
      {EVENT_LOOK[group.kind].symbol}
    </span>
  );
}
