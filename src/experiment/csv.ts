/**
 * Results as files: CSV with one row per finished run, and JSON with the definition, its
 * link, the status, the runs and the summary. A JSON file read back gives its definition
 * (checked like a link), so a saved experiment can be run again.
 */
import { checkDefinition } from './check';
import { type CheckedDefinition } from './definition';
import { finishedRuns, isPartial, type ExperimentResults } from './experiment';
import { experimentToHash } from './link';
import { summarize } from './summary';

/** The `format` field of the JSON export. */
export const RESULTS_FORMAT = 'activation-playground-experiment';
export const RESULTS_VERSION = 1;

/** The CSV's columns, in order. */
export const CSV_COLUMNS = [
  'variant',
  'seed',
  'epochs',
  'final_train_loss',
  'final_train_accuracy',
  'final_test_loss',
  'final_test_accuracy',
  'epochs_to_target',
  'diverged',
  'diverged_at_epoch',
] as const;

/** A field quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A number in full precision (it reads back as the same double); empty for NaN. */
function numberField(value: number | null): string {
  return value === null || Number.isNaN(value) ? '' : String(value);
}

/**
 * One row per finished run, variant by variant and seed by seed. `epochs` is the epochs
 * completed. A diverged run's final numbers are left empty, so that no spreadsheet averages
 * them in; its epoch of divergence is given instead.
 */
export function resultsCsv(results: ExperimentResults): string {
  const { variants } = results.definition;
  const rows = finishedRuns(results).map(({ variant, seed, outcome }) => {
    const { final, diverged } = outcome;
    const keep = (value: number) => numberField(diverged ? null : value);
    return [
      csvField(variants[variant]?.name ?? String(variant + 1)),
      String(seed),
      String(outcome.epochs),
      keep(final.trainLoss),
      keep(final.trainAccuracy),
      keep(final.testLoss),
      keep(final.testAccuracy),
      numberField(outcome.epochsToTarget),
      diverged ? 'true' : 'false',
      diverged ? String(diverged.epoch) : '',
    ].join(',');
  });
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

/** The JSON export: definition, link, status, runs (without curves) and summary. */
export function resultsJson(results: ExperimentResults): string {
  const { definition } = results;
  const summary = summarize(results);
  const file = {
    format: RESULTS_FORMAT,
    version: RESULTS_VERSION,
    status: results.status,
    partial: isPartial(results),
    message: results.message,
    link: experimentToHash(definition),
    definition,
    runs: finishedRuns(results).map(({ variant, seed, outcome }) => ({
      variant,
      name: definition.variants[variant]?.name ?? null,
      seed,
      epochs: outcome.epochs,
      final: outcome.diverged ? null : outcome.final,
      epochsToTarget: outcome.epochsToTarget,
      diverged: outcome.diverged,
    })),
    // Curves and dots stay out: the runs hold the dots, and curves are the page's to draw.
    summary: summary.variants.map(({ curve: _curve, dots: _dots, ...rest }) => rest),
  };
  // NaN (accuracy of regression, sd of one run) is written as null, as JSON.stringify does.
  return JSON.stringify(file, null, 2) + '\n';
}

/** A definition read from a JSON export, or why the file cannot be read. */
export function definitionFromFile(
  text: string,
): ({ ok: true } & CheckedDefinition) | { ok: false; problem: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'The file is not JSON.' };
  }
  const file = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  if (file.format !== RESULTS_FORMAT) {
    return { ok: false, problem: 'The file is not an experiment of Activation Playground.' };
  }
  if (typeof file.version !== 'number' || file.version > RESULTS_VERSION) {
    return {
      ok: false,
      problem: `The file is of version ${String(file.version)}; this page reads version ${RESULTS_VERSION}.`,
    };
  }
  return { ok: true, ...checkDefinition(file.definition) };
}
