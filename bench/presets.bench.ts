/**
 * What each one-click experiment (src/experiment/presets.ts) finds, as its comment there says:
 * every preset run to the end on worker threads in Node, with the numbers its comment quotes
 * (mean final test loss and accuracy per variant, seeds that reached the target and the median
 * epochs to it, diverged runs) and the dialog's own verdict. Runs are deterministic: the same
 * code gives the same figures on any machine. Run with `npm run bench:presets`
 * (PRESET=<id> for one preset).
 */
import { availableParallelism } from 'node:os';
import { startExperiment } from '../src/experiment/experiment';
import { PRESETS } from '../src/experiment/presets';
import { summarize } from '../src/experiment/summary';
import { verdict } from '../src/experiment/verdict';
import { nodeWorkerFactory, startNodeWorker } from './nodeWorkers';

const workers = Math.max(1, availableParallelism());
const only = process.env.PRESET;
const ready = await Promise.all(Array.from({ length: workers }, () => startNodeWorker()));

/** Three significant digits. */
const round = (x: number | undefined) =>
  x === undefined ? 'n/a' : String(Number(x.toPrecision(3)));

for (const preset of PRESETS) {
  if (only && preset.id !== only) continue;
  const results = await startExperiment(preset.definition, {
    createWorker: nodeWorkerFactory(ready),
    workers,
  }).done;
  if (results.status !== 'complete') throw new Error(`${preset.id}: ${results.status}`);
  const summary = summarize(results);
  const { seeds, epochs, target } = preset.definition;
  console.log(
    `\n${preset.id}: ${seeds.count} seeds × ${epochs} epochs, target ${target.metric} ${target.value}`,
  );
  for (const v of summary.variants) {
    const t = v.epochsToTarget;
    console.log(
      `  ${v.name.padEnd(28)} test loss ${round(v.testLoss?.mean)} (sd ${round(v.testLoss?.sd)}), ` +
        `test accuracy ${round(v.testAccuracy?.mean)}, target reached on ${t.reached} of ${t.runs} ` +
        `(median epoch ${t.median ?? 'n/a'}), diverged ${v.diverged}`,
    );
  }
  console.log(`  verdict: ${verdict(summary)}`);
}
process.exit(0);
