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
import { PlayPauseIcon, ResetIcon, StepIcon } from '../TransportIcons';

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
        <PlayPauseIcon running={running} size={26} />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Step"
        title="Train both exactly one more epoch"
        onClick={() => comparison.step(1)}
      >
        <StepIcon />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Reset"
        title="Both back to epoch 0, the same initial weights again"
        onClick={() => comparison.reset()}
      >
        <ResetIcon />
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
