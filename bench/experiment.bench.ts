/**
 * Experiment speed, in Node: the pool of src/experiment/pool.ts over worker threads that run
 * the browser worker's code (experimentWorker.ts). Times the preset "Spiral: all tanh vs two
 * sine neurons" (10 seeds × 500 epochs on its 8-8 network), the same on six layers of 8 with
 * all seven inputs at 300 epochs, and that one again on a single worker for the pool's
 * speed-up. Workers are started (and their TypeScript compiled by tsx) before each clock
 * starts; the JIT's warm-up is timed, as the page has it too.
 * In Node no page needs a core, so the pool uses every core. Prints a table, then one JSON
 * line of the figures. Run with `npm run bench:experiment` (ROUNDS=n for more rounds, best of
 * which is kept); figures vary with the machine's load.
 */
import { availableParallelism, loadavg } from 'node:os';
import { FEATURE_IDS } from '../src/data';
import { checkDefinition } from '../src/experiment/check';
import { type ExperimentDefinition } from '../src/experiment/definition';
import { startExperiment, type ExperimentResults } from '../src/experiment/experiment';
import { presetById } from '../src/experiment/presets';
import { startNodeWorker, nodeWorkerFactory } from './nodeWorkers';

const spiral = presetById('spiral-sine')?.definition;
if (!spiral) throw new Error('the spiral preset is missing');

const DEEP: ExperimentDefinition = checkDefinition({
  ...spiral,
  base: {
    ...spiral.base,
    features: [...FEATURE_IDS],
    hidden: Array.from({ length: 6 }, () => Array(8).fill('tanh')),
  },
  epochs: 300,
}).definition;

/** Runs the experiment on `workers` started threads; returns seconds and results. */
async function time(definition: ExperimentDefinition, workers: number) {
  const ready = await Promise.all(Array.from({ length: workers }, () => startNodeWorker()));
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const results = await startExperiment(definition, {
    createWorker: nodeWorkerFactory(ready),
    workers,
  }).done;
  const seconds = (performance.now() - start) / 1000;
  // Of every thread of the process: with other programs busy, wall time grows, this does not.
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  if (results.status !== 'complete')
    throw new Error(`experiment ${results.status}: ${results.message}`);
  return { seconds, cpuSeconds, results };
}

function sameOutcomes(a: ExperimentResults, b: ExperimentResults): boolean {
  return a.outcomes.every((x, i) => {
    const y = b.outcomes[i];
    return (
      x !== undefined &&
      y !== undefined &&
      x.final.testLoss === y.final.testLoss &&
      x.final.trainLoss === y.final.trainLoss &&
      x.epochsToTarget === y.epochsToTarget
    );
  });
}

const cores = availableParallelism();
const pool = Math.max(1, cores);
/** Rounds of the three measurements, interleaved; each figure is its best round. */
const ROUNDS = Math.max(1, Number(process.env.ROUNDS ?? 3));
const loadBefore = loadavg()[0] ?? 0;
const best: Record<'small' | 'deep' | 'single', number> = {
  small: Infinity,
  deep: Infinity,
  single: Infinity,
};
const cpu = { deep: Infinity, single: Infinity };
let sameResults = true;
for (let round = 0; round < ROUNDS; round++) {
  const small = await time(spiral, pool);
  const deep = await time(DEEP, pool);
  const single = await time(DEEP, 1);
  sameResults &&= sameOutcomes(deep.results, single.results);
  best.small = Math.min(best.small, small.seconds);
  best.deep = Math.min(best.deep, deep.seconds);
  best.single = Math.min(best.single, single.seconds);
  cpu.deep = Math.min(cpu.deep, deep.cpuSeconds);
  cpu.single = Math.min(cpu.single, single.cpuSeconds);
}
const round = (x: number) => Math.round(x * 1000) / 1000;
const figures = {
  workers: pool,
  runs: spiral.variants.length * spiral.seeds.count,
  rounds: ROUNDS,
  experimentSeconds_8x8: round(best.small),
  experimentSeconds_6x8: round(best.deep),
  experimentSeconds_6x8_oneWorker: round(best.single),
  poolSpeedup: round(best.single / best.deep),
  sameResults,
  cpuSeconds_6x8: round(cpu.deep),
  cpuSeconds_6x8_oneWorker: round(cpu.single),
  loadAverageBefore: round(loadBefore),
};
console.log(
  `Experiment benchmark (Node ${process.version}, ${cores} cores, pool of ${pool}, best of ${ROUNDS})`,
);
console.log(`8-8 spiral, 10 seeds × 2 variants × 500 epochs   ${best.small.toFixed(2)} s`);
console.log(`6×8, 7 inputs, 10 seeds × 2 variants × 300 epochs ${best.deep.toFixed(2)} s`);
console.log(`  the same on one worker                          ${best.single.toFixed(2)} s`);
console.log(`  pool speed-up ${figures.poolSpeedup}×, same results: ${figures.sameResults}`);
console.log(
  `  CPU time ${cpu.deep.toFixed(2)} s (pool), ${cpu.single.toFixed(2)} s (one worker); ` +
    `load average before: ${loadBefore.toFixed(2)} (other programs' work slows the wall time)`,
);
console.log(JSON.stringify(figures));
process.exit(0);
