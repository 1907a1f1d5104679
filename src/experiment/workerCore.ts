/**
 * What an experiment worker does with a command, free of any Worker API: the browser worker
 * (experiment.worker.ts) and the Node benchmark's worker thread both call this, so the
 * benchmark measures the code the page runs.
 */
import type { ExperimentCommand, ExperimentEvent } from './messages';
import { runOne } from './run';

/** Carries out one command and returns the event to send back. Never throws. */
export function handleExperimentCommand(command: ExperimentCommand): ExperimentEvent {
  const { job } = command;
  try {
    return {
      type: 'done',
      index: job.index,
      outcome: runOne(job.config, job.epochs, job.target, job.freezeAt ?? null),
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { type: 'error', index: job.index, message: reason };
  }
}
