/** What an experiment goal asks of the Experiment dialog's results: pure. */
import type { ExperimentResults } from '../../experiment';
import type { ExperimentOutcome } from '../../lessons';

/**
 * The outcome of `results` for a lesson's goal, or null when no experiment ran since the
 * lesson opened (`atStart` is what was shown then: an earlier experiment does not count).
 */
export function experimentOutcomeSince(
  results: ExperimentResults | null,
  atStart: ExperimentResults | null,
): ExperimentOutcome | null {
  if (!results || results === atStart) return null;
  return {
    complete: results.status === 'complete',
    seeds: results.definition.seeds.count,
    variants: results.definition.variants.length,
  };
}
