/** The top bar: run controls and the readouts beside them, then the hyperparameters. */
import { useEffect } from 'react';
import {
  hashWithFlags,
  playgroundActions,
  playgroundStore,
  useHidden,
  usePlayground,
  setPresentation,
  useView,
  viewStore,
} from '../../state';
import { SettingSelect } from '../controls/SettingControls';
import { useRuntime } from '../runtime';
import { CompareButton } from './CompareButton';
import { CopyLinkButton } from './CopyLinkButton';
import { ExperimentButton } from './ExperimentButton';
import { LessonsButton } from '../lessons/LessonsButton';
import { EmbedButton } from './EmbedDialog';
import { Hyperparameters } from './Hyperparameters';
import { NetworkFileControls } from './NetworkFileControls';
import { PlayPauseIcon, ResetIcon, StepIcon } from '../TransportIcons';

const act = playgroundActions;

export function Header() {
  const embed = useView((flags) => flags.embed);
  const hideCopy = useHidden('copyLink');
  const hideHyper = useHidden('hyperparameters');
  const presentation = useView((flags) => flags.presentation);
  // Embedded: a slim bar, the run controls and a way out to the full page.
  if (embed) {
    return (
      <header className="header embed-bar">
        <h1 className="visually-hidden">Activation Playground</h1>
        <RunControls />
        <OpenFullPage />
      </header>
    );
  }
  return (
    <header className="header">
      <div className="brand">
        <h1>Activation Playground</h1>
        <p className="tagline">Every neuron its own activation</p>
      </div>
      <RunControls />
      {!hideCopy && !presentation && <CopyLinkButton />}
      {!presentation && <EmbedButton />}
      <PresentationToggle on={presentation} />
      <LessonsButton />
      {!presentation && <ExperimentButton />}
      {!presentation && <CompareButton />}
      {!presentation && <NetworkFileControls />}
      {!hideHyper && !presentation && <Hyperparameters />}
      {presentation && (
        <p className="shortcuts">
          Keys: <kbd>Space</kbd> play or pause · <kbd>S</kbd> step · <kbd>P</kbd> leave presentation
        </p>
      )}
    </header>
  );
}

/** Presentation mode: large type and only a presenter's controls, for a projector. */
function PresentationToggle({ on }: { on: boolean }) {
  return (
    <button
      type="button"
      className="text-button"
      aria-pressed={on}
      title="Large type and fewer controls, for a projector (key P)"
      onClick={() => setPresentation(!on)}
    >
      Presentation
    </button>
  );
}

/** In an embedded page: the same link without embed=1, in a new tab. */
function OpenFullPage() {
  const href = () => {
    const url = new URL(window.location.href);
    url.hash = hashWithFlags(url.hash, { ...viewStore.getState(), embed: false });
    return url.toString();
  };
  return (
    <a
      className="text-button open-full"
      href="./"
      target="_blank"
      rel="noopener"
      onClick={(event) => {
        event.currentTarget.href = href();
      }}
    >
      Open full page
    </a>
  );
}

function RunControls() {
  const { connection } = useRuntime();
  const hidePlay = useHidden('play');
  const hideStep = useHidden('step');
  const hideReset = useHidden('reset');
  const hideEpoch = useHidden('epoch');
  const running = usePlayground((s) => s.running);
  const epoch = usePlayground((s) => s.readouts.epoch);
  const rate = usePlayground((s) => s.readouts.epochsPerSecond);

  // Space plays and pauses when focus is not in a control that uses it; S steps and P toggles
  // presentation unless focus is where letters are typed or chosen.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
      const interactive = target?.closest(
        'button, input, select, textarea, [role="dialog"], dialog, a',
      );
      const typing = target?.closest(
        'input, select, textarea, dialog, [role="dialog"], [role="listbox"]',
      );
      if (event.key === ' ' && !interactive) {
        event.preventDefault();
        act.setRunning(!playgroundStore.getState().running);
      } else if ((event.key === 's' || event.key === 'S') && !typing) {
        connection.step(1);
      } else if ((event.key === 'p' || event.key === 'P') && !typing) {
        setPresentation(!viewStore.getState().presentation);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [connection]);

  return (
    <div className="run-controls" role="group" aria-label="Run controls">
      {!hidePlay && (
        <button
          type="button"
          className="play-button"
          data-running={running}
          aria-label={running ? 'Pause' : 'Play'}
          title={running ? 'Pause training (space)' : 'Train continuously (space)'}
          onClick={() => act.setRunning(!running)}
        >
          <PlayPauseIcon running={running} size={28} />
        </button>
      )}
      {!hideStep && (
        <button
          type="button"
          className="icon-button"
          aria-label="Step"
          title="Train exactly one more epoch"
          onClick={() => connection.step(1)}
        >
          <StepIcon />
        </button>
      )}
      {!hideReset && (
        <button
          type="button"
          className="icon-button"
          aria-label="Reset"
          title="New initial weights from the same seed, back to epoch 0"
          onClick={() => connection.reset()}
        >
          <ResetIcon />
        </button>
      )}
      <div className="readout epoch-readout" hidden={hideEpoch}>
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
