/**
 * The experiment worker as a Node worker thread: the same `handleExperimentCommand` the
 * browser worker calls (src/experiment/experiment.worker.ts), behind `parentPort`.
 */
import { parentPort } from 'node:worker_threads';
import { eventTransferables, type ExperimentCommand } from '../src/experiment/messages';
import { handleExperimentCommand } from '../src/experiment/workerCore';
import { READY } from './nodeWorkers';

const port = parentPort;
if (!port) throw new Error('experimentWorker.ts runs as a worker thread');
port.on('message', (command: ExperimentCommand) => {
  const reply = handleExperimentCommand(command);
  port.postMessage(reply, eventTransferables(reply));
});
// Loaded and compiled: nodeWorkers.ts waits for this before handing the worker out.
port.postMessage(READY);
