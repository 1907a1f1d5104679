/** Opens the Experiment dialog; while an experiment runs with the dialog closed, its progress. */
import { finishedRuns, runCount } from '../../experiment';
import { experimentController, useExperiment } from '../../state';

export function ExperimentButton() {
  const results = useExperiment((s) => s.results);
  const open = useExperiment((s) => s.open);
  const running = results?.status === 'running';
  return (
    <div className="tool-button">
      <button
        type="button"
        className="text-button"
        title="Compare variants of this network over many seeds"
        onClick={() => experimentController.open()}
      >
        Experiment
      </button>
      {running && !open && (
        <span className="tool-status" role="status">
          {finishedRuns(results).length} of {runCount(results.definition)} runs
        </span>
      )}
    </div>
  );
}
