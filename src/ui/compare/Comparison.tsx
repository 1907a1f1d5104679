/**
 * The Comparison region: two variants of the playground's network trained live in lockstep
 * (one worker, an epoch of each in turn), on the same data from the same seed and the same
 * initial draws, so whatever differs between the two sides comes from the activations. Play,
 * pause, step and reset act on both. It covers the page while open; the page behind is inert.
 */
import { useEffect, useId, useRef } from 'react';
import { SPEEDS, speedLabel } from '../../config';
import { comparisonController as comparison, useComparison } from '../../state';
import { ComparisonChart } from './ComparisonChart';
import { ComparisonSide } from './ComparisonSide';

export function Comparison() {
  const open = useComparison((s) => s.open);
  if (!open) return null;
  return <OpenComparison />;
}

function isInteractive(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    target.closest('button, input, select, textarea, a, summary') !== null
  );
}

function OpenComparison() {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const message = useComparison((s) => s.message);

  // Focus moves in on opening and back to where it was on closing.
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    heading.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <section
      className="comparison"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          comparison.close();
        } else if (event.key === ' ' && !isInteractive(event.target)) {
          // Space plays and pauses the comparison here, not the playground behind it.
          event.preventDefault();
          event.stopPropagation();
          comparison.setRunning(!comparison.store.getState().running);
        }
      }}
    >
      <div className="cmp-toolbar">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          Comparison
        </h2>
        <Transport />
        <button
          type="button"
          className="text-button"
          title="Compare the first two variants set in the Experiment dialog"
          onClick={() => comparison.useExperimentVariants()}
        >
          Use the experiment&rsquo;s first two variants
        </button>
        <button
          type="button"
          className="dismiss close-dialog"
          aria-label="Close the comparison"
          title="Close (Escape)"
          onClick={() => comparison.close()}
        >
          ×
        </button>
      </div>
      <p className="cmp-intro">
        Both networks train on the same data from the same seed and start from the same random draws
        of their weights; only the activations differ. Each round trains one epoch of A, then one of
        B, so both always show the same epoch.
      </p>
      {message && (
        <p className="cmp-message" role="alert">
          {message}
        </p>
      )}
      <div className="cmp-sides">
        <ComparisonSide index={0} />
        <ComparisonSide index={1} />
      </div>
      <ComparisonChart />
    </section>
  );
}

function Transport() {
  const running = useComparison((s) => s.running);
  const epoch = useComparison((s) => s.epoch);
  const speed = useComparison((s) => s.speed);
  const speedId = useId();
  const epochId = useId();
  return (
    <div className="cmp-transport" role="group" aria-label="Comparison controls">
      <button
        type="button"
        className="play-button"
        data-running={running}
        aria-label={running ? 'Pause' : 'Play'}
        title={running ? 'Pause both (space)' : 'Train both, epoch by epoch (space)'}
        onClick={() => comparison.setRunning(!running)}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" width="26" height="26">
          {running ? (
            <path d="M7 5h3.5v14H7zM13.5 5H17v14h-3.5z" fill="currentColor" />
          ) : (
            <path d="M8 5v14l11-7z" fill="currentColor" />
          )}
        </svg>
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Step"
        title="Train both exactly one more epoch"
        onClick={() => comparison.step(1)}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" width="20" height="20">
          <path d="M6 5v14l9-7zM16 5h2.5v14H16z" fill="currentColor" />
        </svg>
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Reset"
        title="Both back to epoch 0, the same initial weights again"
        onClick={() => comparison.reset()}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" width="20" height="20">
          <path
            d="M12 5a7 7 0 1 1-6.6 4.7l1.9.6A5 5 0 1 0 12 7v3L7.5 6 12 2z"
            fill="currentColor"
          />
        </svg>
      </button>
      <div className="readout">
        <span className="readout-label" id={epochId}>
          Epoch
        </span>
        <output aria-labelledby={epochId} aria-live="off" className="readout-value">
          {epoch.toLocaleString('en')}
        </output>
      </div>
      <div className="field">
        <label htmlFor={speedId}>Speed</label>
        <select
          id={speedId}
          value={speed === null ? 'max' : String(speed)}
          onChange={(e) =>
            comparison.setSpeed(e.target.value === 'max' ? null : Number(e.target.value))
          }
        >
          {SPEEDS.map((s) => (
            <option key={String(s)} value={s === null ? 'max' : String(s)}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
