/**
 * The Experiment dialog: variants of the network on screen, each trained on many seeds in the
 * background, compared seed by seed. A link with `exp=` opens it with that experiment set up
 * but not run: a shared link should not start minutes of training before anyone asks.
 */
import { useEffect, useId, useRef, useState } from 'react';
import {
  PRESETS,
  experimentToHash,
  finishedRuns,
  runCount,
  type ExperimentResults as Results,
} from '../../experiment';
import {
  definitionOf,
  estimateMsLeft,
  experimentController as experiment,
  useExperiment,
  usePlayground,
} from '../../state';
import { ModalDialog } from '../ModalDialog';
import { ExperimentResults } from './ExperimentResults';
import { ExperimentSetup } from './ExperimentSetup';
import { formatDuration, progressText } from './resultsTable';

/** Mounted once for the page: reads links with an experiment, and shows the dialog when open. */
export function ExperimentDialog() {
  const open = useExperiment((s) => s.open);
  useEffect(
    () => experiment.attach({ location: window.location, history: window.history, events: window }),
    [],
  );
  if (!open) return null;
  return <OpenDialog />;
}

function OpenDialog() {
  const headingId = useId();
  const results = useExperiment((s) => s.results);
  const running = results?.status === 'running';
  const resultsRef = useRef<HTMLDivElement>(null);
  return (
    <ModalDialog
      labelledBy={headingId}
      onClose={() => experiment.close()}
      className="modal experiment-dialog"
    >
      <div className="dialog-head">
        <h2 id={headingId}>Experiment</h2>
        <RunBar
          onRun={() => {
            if (!experiment.run()) return;
            requestAnimationFrame(() =>
              resultsRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' }),
            );
          }}
        />
        <button
          type="button"
          className="dismiss close-dialog"
          aria-label="Close"
          title={running ? 'Close; the experiment goes on in the background' : 'Close (Escape)'}
          onClick={() => experiment.close()}
        >
          ×
        </button>
      </div>
      <div className="dialog-body">
        <Intro />
        <ExperimentSetup disabled={running} />
        <div ref={resultsRef} className="results-anchor">
          {results ? (
            <CurrentResults results={results} />
          ) : (
            <p className="muted">Results appear here as the runs finish.</p>
          )}
        </div>
      </div>
    </ModalDialog>
  );
}

function Intro() {
  const origin = useExperiment((s) => s.origin);
  const notes = useExperiment((s) => s.notes);
  return (
    <>
      <p className="dialog-intro">
        Why do all neurons of a layer usually share one activation, and is mixing ever better? Each
        variant below gives the network on screen its activations by a rule; every variant is
        trained from the same seeds (same data, same initial weights), so they are compared seed by
        seed. The first variant is the reference.
      </p>
      {origin && (
        <p className="origin">
          {origin === 'Opened from a link'
            ? 'Opened from a link: the experiment is set up as the link says. Press Run experiment to run it.'
            : `Preset "${origin}": ${PRESETS.find((p) => p.title === origin)?.description ?? ''} The playground now shows its network. Press Run experiment to run it.`}
        </p>
      )}
      {notes.length > 0 && (
        <div className="notice notice-warning" role="status">
          <p>Some parts of the link could not be used: {notes.join('; ')}.</p>
          <button
            type="button"
            className="dismiss"
            aria-label="Dismiss message"
            onClick={() => experiment.dismissNotes()}
          >
            ×
          </button>
        </div>
      )}
    </>
  );
}

function RunBar({ onRun }: { onRun: () => void }) {
  const results = useExperiment((s) => s.results);
  const elapsedMs = useExperiment((s) => s.elapsedMs);
  const running = results?.status === 'running';
  const finished = results ? finishedRuns(results).length : 0;
  const total = results ? runCount(results.definition) : 0;
  const text = progressText(finished, total, estimateMsLeft(elapsedMs, finished, total));
  return (
    <div className="run-bar">
      <button type="button" className="text-button primary" disabled={running} onClick={onRun}>
        Run experiment
      </button>
      <button
        type="button"
        className="text-button"
        disabled={!running}
        title="Stop now; the runs that finished are kept, as partial results"
        onClick={() => experiment.cancel()}
      >
        Cancel
      </button>
      {results && (
        <div className="progress">
          <div
            className="progress-track"
            role="progressbar"
            aria-label="Experiment progress"
            aria-valuemin={0}
            aria-valuemax={total}
            aria-valuenow={finished}
            aria-valuetext={text}
          >
            <div
              className="progress-fill"
              style={{ width: `${total > 0 ? (100 * finished) / total : 0}%` }}
            />
          </div>
          <span className="progress-text" aria-hidden="true">
            {text}
          </span>
        </div>
      )}
      <CopyExperimentLink />
      {results && <RunStatus results={results} elapsedMs={elapsedMs} />}
    </div>
  );
}

/** How the last experiment ended, or what went wrong with its workers meanwhile. */
function RunStatus({ results, elapsedMs }: { results: Results; elapsedMs: number }) {
  const finished = finishedRuns(results).length;
  const total = runCount(results.definition);
  if (results.status === 'running') {
    if (!results.message) return null;
    return (
      <p className="run-status run-warning" role="status">
        {results.message} Workers replaced so far: {results.restarts}.
      </p>
    );
  }
  if (results.status === 'failed') {
    return (
      <p className="run-status run-error" role="alert">
        {results.message ?? 'The experiment stopped.'} {finished} of {total} runs finished.
      </p>
    );
  }
  const took = formatDuration(elapsedMs).replace('about ', '');
  return (
    <p className="run-status" role="status">
      {results.status === 'cancelled'
        ? `Cancelled: partial results, ${finished} of ${total} runs.`
        : `Done: ${total} runs in ${took}.`}
      {results.restarts > 0 ? ` ${results.restarts} workers stopped and were replaced.` : ''}
    </p>
  );
}

function CopyExperimentLink() {
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="text-button"
        title="Copy a link that opens this experiment, set up, on this network"
        onClick={() => {
          const url = new URL(window.location.href);
          url.hash = experimentToHash(experiment.definition());
          navigator.clipboard.writeText(url.toString()).then(
            () => setCopied('Link copied'),
            () => setCopied('Copy the address bar'),
          );
        }}
      >
        Copy link
      </button>
      <span className="copy-status" role="status">
        {copied ?? ''}
      </span>
    </>
  );
}

function CurrentResults({ results }: { results: Results }) {
  const draft = useExperiment((s) => s.draft);
  const config = usePlayground((s) => s.config);
  // Stale when the draft or the network changed since the run.
  const stale =
    experimentToHash(results.definition) !== experimentToHash(definitionOf(draft, config));
  return <ExperimentResults results={results} stale={stale} />;
}
