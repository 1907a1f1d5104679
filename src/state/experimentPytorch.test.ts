import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config';
import {
  CSV_COLUMNS,
  checkDefinition,
  planRuns,
  resultsCsv,
  runOne,
  type ExperimentResults,
  type RunOutcome,
} from '../experiment';
import { experimentPytorchProblem, experimentPytorchScript } from './experimentPytorch';

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const dir = mkdtempSync(join(tmpdir(), 'experiment-pytorch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DEFINITION = checkDefinition({
  base: {
    ...DEFAULT_CONFIG,
    dataset: 'xor',
    hidden: [['tanh', 'relu', 'tanh'], ['tanh']],
    optimizer: 'adam',
    learningRate: 0.01,
    regularization: 'l2',
    regularizationRate: 0.001,
    customActivation: 'x * sin(x)',
  },
  variants: [
    { name: 'All Tanh', rule: { kind: 'all', x: 'tanh' } },
    { name: 'Custom, "x sin x"', rule: { kind: 'alternate', x: 'tanh', y: 'custom' } },
    { name: 'Learned', rule: { kind: 'alternate', x: 'mixture', y: 'prelu' } },
  ],
  seeds: { first: 3, count: 2 },
  epochs: 6,
  target: { metric: 'testAccuracy', value: 0.6 },
}).definition;

/** The page's CSV of the experiment: every run trained in process, as the pool would. */
function pageCsv(): string {
  const outcomes: RunOutcome[] = [];
  for (const job of planRuns(DEFINITION))
    outcomes[job.index] = runOne(job.config, job.epochs, job.target);
  const results: ExperimentResults = {
    definition: DEFINITION,
    outcomes,
    status: 'complete',
    message: null,
    restarts: 0,
  };
  return resultsCsv(results);
}

function runShard(file: string, shard: string): string {
  return execFileSync(PYTHON, [file, '--shard', shard], { encoding: 'utf8', timeout: 300_000 });
}

/** The rows of a CSV (header dropped) split into fields; a quoted name kept whole. */
function rowsOf(csv: string): string[][] {
  const lines = csv.split('\r\n').filter((line) => line !== '');
  expect(lines[0]).toBe(CSV_COLUMNS.join(','));
  return lines.slice(1).map((line) => {
    const quoted = /^("(?:[^"]|"")*"),(.*)$/.exec(line);
    return quoted ? [quoted[1] as string, ...(quoted[2] as string).split(',')] : line.split(',');
  });
}

describe('an experiment exported for PyTorch, run in PyTorch', () => {
  it('writes, shard by shard, the rows of the page CSV', () => {
    expect(DEFINITION.variants[1]?.rule).toEqual({ kind: 'alternate', x: 'tanh', y: 'custom' });
    const file = join(dir, 'experiment.py');
    writeFileSync(file, experimentPytorchScript(DEFINITION));
    const first = rowsOf(runShard(file, '1/2'));
    const second = rowsOf(runShard(file, '2/2'));
    const page = rowsOf(pageCsv());
    expect(page).toHaveLength(6);
    // Shard 1 has rows 1, 3 and 5 of the page's order, shard 2 rows 2, 4 and 6.
    expect([first.length, second.length]).toEqual([3, 3]);
    const merged = page.map((_, r) => (r % 2 === 0 ? first : second)[r >> 1] as string[]);
    expect(merged.map((row) => row.slice(0, 2))).toEqual(page.map((row) => row.slice(0, 2)));
    merged.forEach((row, r) => {
      const want = page[r] as string[];
      expect(row).toHaveLength(want.length);
      row.forEach((value, c) => {
        const column = CSV_COLUMNS[c] as string;
        if (column.endsWith('loss')) {
          // The losses agree to 1e-9 (another order of float64 sums); the rest exactly.
          expect(
            Math.abs(Number(value) - Number(want[c])),
            `${column} ${value} vs ${want[c]}`,
          ).toBeLessThan(1e-9);
        } else {
          expect(value, `${column} of row ${r + 1}`).toBe(want[c]);
        }
      });
    });
  }, 300_000);
});

describe('an experiment that lets the network choose', () => {
  it('is refused by the PyTorch export with a reason, not exported wrong', () => {
    const choosing = checkDefinition({
      ...DEFINITION,
      variants: [{ rule: { kind: 'choose', freezeAt: 3 } }, { rule: { kind: 'asSet' } }],
    }).definition;
    if (!choosing) throw new Error('the definition was refused');
    expect(experimentPytorchProblem(choosing)).toMatch(/Let the network choose/);
    expect(() => experimentPytorchScript(choosing)).toThrow(/freeze/);
    expect(experimentPytorchProblem(DEFINITION!)).toBeNull();
  });
});
