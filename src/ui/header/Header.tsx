/** The top bar: run controls and the readouts beside them, then the hyperparameters. */
import { useEffect } from 'react';
import { playgroundActions, playgroundStore, usePlayground } from '../../state';
import { SettingSelect } from '../controls/SettingControls';
import { useRuntime } from '../runtime';
import { CompareButton } from './CompareButton';
import { CopyLinkButton } from './CopyLinkButton';
import { ExperimentButton } from './ExperimentButton';
import { Hyperparameters } from './Hyperparameters';
import { NetworkFileControls } from './NetworkFileControls';

const act = playgroundActions;

export function Header() {
  return (
    <header className="header">
      <div className="brand">
        <h1>Activation Playground</h1>
        <p className="tagline">Every neuron its own activation</p>
      </div>
      <RunControls />
      <CopyLinkButton />
      <ExperimentButton />
      <CompareButton />
      <NetworkFileControls />
      <Hyperparameters />
    </header>
  );
}

function RunControls() {
  const { connection } = useRuntime();
  const running = usePlayground((s) => s.running);
  const epoch = usePlayground((s) => s.readouts.epoch);
  const rate = usePlayground((s) => s.readouts.epochsPerSecond);

  // Space bar plays and pauses when focus is not in a control that uses it.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      const interactive = target?.closest(
        'button, input, select, textarea, [role="dialog"], dialog, a',
      );
      if (event.key === ' ' && !interactive && !event.repeat) {
        event.preventDefault();
        act.setRunning(!playgroundStore.getState().running);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="run-controls" role="group" aria-label="Run controls">
      <button
        type="button"
        className="play-button"
        data-running={running}
        aria-label={running ? 'Pause' : 'Play'}
        title={running ? 'Pause training (space)' : 'Train continuously (space)'}
        onClick={() => act.setRunning(!running)}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" width="28" height="28">
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
        title="Train exactly one more epoch"
        onClick={() => connection.step(1)}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" width="20" height="20">
          <path d="M6 5v14l9-7zM16 5h2.5v14H16z" fill="currentColor" />
        </svg>
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Reset"
        title="New initial weights from the same seed, back to epoch 0"
        onClick={() => connection.reset()}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" width="20" height="20">
          <path
            d="M12 5a7 7 0 1 1-6.6 4.7l1.9.6A5 5 0 1 0 12 7v3L7.5 6 12 2z"
            fill="currentColor"
          />
        </svg>
      </button>
      <div className="readout epoch-readout">
        <span className="readout-label" id="epoch-label">
          Epoch
        </span>
        {/* Not a live region: it changes many times a second while training. */}
        <output
          aria-labelledby="epoch-label"
          aria-live="off"
          className="readout-value"
          data-testid="epoch"
        >
          {epoch.toLocaleString('en')}
        </output>
        <span className="readout-sub" aria-live="off">
          {running && rate > 0 ? `${Math.round(rate).toLocaleString('en')} epochs/s` : '\u00a0'}
        </span>
      </div>
      <SettingSelect name="speed" />
    </div>
  );
}
