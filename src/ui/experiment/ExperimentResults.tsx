/**
 * What an experiment found, filling in as runs finish: the verdict, the table (one row per
 * variant), the mean curves with their bands and the per-seed dots, the sweep plot, the
 * downloads and a link to every run.
 */
import { useId, useMemo, useState } from 'react';
import {
  resultsCsv,
  resultsJson,
  summarize,
  sweepPoints,
  verdict,
  type ExperimentResults as Results,
  type ExperimentSummary,
} from '../../experiment';
import {
  EXPERIMENT_PYTORCH_FILE,
  experimentPytorchProblem,
  experimentPytorchScript,
} from '../../state';
import { downloadText } from '../download';
import { CurvesChart, SeriesKey, SeriesSwatch } from './CurvesChart';
import { resultColumns, resultRows } from './resultsTable';
import { RunLinks } from './RunLinks';
import { SweepChart } from './SweepChart';

export function ExperimentResults({ results, stale }: { results: Results; stale: boolean }) {
  const summary = useMemo(() => summarize(results), [results]);
  const [logScale, setLogScale] = useState(true);
  const headingId = useId();
  const sweep = summary.definition.sweep;
  return (
    <section className="experiment-results" aria-labelledby={headingId}>
      <h3 id={headingId} className="section-title">
        Results
      </h3>
      {stale && (
        <p className="stale-note">
          These results are of the experiment as it was set when it ran; press Run experiment to run
          it as set now.
        </p>
      )}
      <p className="verdict" data-testid="verdict">
        {verdict(summary)}
      </p>
      <ResultsTable summary={summary} />
      <div className="results-charts">
        <figure className="curves-chart">
          <figcaption>
            Mean test loss over epochs with its 95% band; at the right, each seed&rsquo;s final test
            loss
            <label className="check inline-check">
              <input
                type="checkbox"
                checked={logScale}
                onChange={(e) => setLogScale(e.target.checked)}
              />
              Log scale
            </label>
          </figcaption>
          <CurvesChart summary={summary} logScale={logScale} />
          <SeriesKey names={summary.variants.map((v) => v.name)} />
        </figure>
        {sweep && <SweepChart points={sweepPoints(summary)} sweep={sweep} />}
      </div>
      <div className="downloads">
        <button
          type="button"
          className="text-button"
          title="One row per finished run: final losses and accuracies, epochs to target, divergence"
          onClick={() =>
            downloadText('activation-playground-experiment.csv', resultsCsv(results), 'text/csv')
          }
        >
          Download CSV
        </button>
        <button
          type="button"
          className="text-button"
          title="The definition, its link, every run and the summary"
          onClick={() =>
            downloadText(
              'activation-playground-experiment.json',
              resultsJson(results),
              'application/json',
            )
          }
        >
          Download JSON
        </button>
        <button
          type="button"
          className="text-button"
          title={
            experimentPytorchProblem(results.definition) ??
            "A Python file with every run's data and initial weights that trains them in PyTorch (--shard K/N runs every N-th) and writes this CSV"
          }
          disabled={experimentPytorchProblem(results.definition) !== null}
          onClick={() =>
            downloadText(
              EXPERIMENT_PYTORCH_FILE,
              experimentPytorchScript(results.definition),
              'text/x-python',
            )
          }
        >
          Export experiment (PyTorch)
        </button>
      </div>
      <RunLinks results={results} />
    </section>
  );
}

function ResultsTable({ summary }: { summary: ExperimentSummary }) {
  const columns = resultColumns(summary);
  const rows = resultRows(summary);
  const captionId = useId();
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className="results-table">
        <caption id={captionId}>Experiment results</caption>
        <thead>
          <tr>
            <th scope="col">Variant</th>
            {columns.map((c) => (
              <th key={c.key} scope="col" title={c.help}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              <th scope="row">
                <SeriesSwatch index={r} />
                {row.name}
              </th>
              {row.cells.map((cell, c) => (
                <td
                  key={c}
                  data-column={columns[c]?.key}
                  data-value={cell.value === undefined ? undefined : String(cell.value)}
                >
                  {cell.lines.map((line, k) => (
                    <span key={k} className={k === 0 ? 'cell-main' : 'cell-sub'}>
                      {line}
                    </span>
                  ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="table-note">
        Cells: mean ± standard deviation over the seeds that did not diverge, the median, and the
        95% confidence interval of the mean (cut at 0, and at 100% for accuracy). Diverged runs are
        counted, never averaged in. &ldquo;Test loss vs first&rdquo;: this variant&rsquo;s final
        test loss minus the first variant&rsquo;s, seed by seed (negative: lower, better).
      </p>
    </div>
  );
}
