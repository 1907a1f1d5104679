import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type PlaygroundConfig } from '../config';
import { pytorchScript } from './pytorchExport';
import { trainer } from './testTrainer';

/** Debian's python3-torch installs for this interpreter only (TOOLCHAIN.md). */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const MISSING_TORCH =
  'PyTorch is needed for this test: run `node scripts/ensure-torch.mjs` (as root on Debian it ' +
  'installs python3-torch; elsewhere it says how to install PyTorch).';
const TOLERANCE = 1e-9;

let runs = 0;
const dir = mkdtempSync(join(tmpdir(), 'pytorch-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Line {
  epoch: number;
  trainLoss: number;
  testLoss: number;
  trainAccuracy: number;
  testAccuracy: number;
}

/** Runs an exported file and reads what it prints, one line per epoch. */
function runScript(script: string, epochs: number): Line[] {
  try {
    execFileSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' });
  } catch {
    throw new Error(MISSING_TORCH);
  }
  const file = join(dir, `net-${++runs}.py`);
  writeFileSync(file, script);
  const out = execFileSync(PYTHON, [file, '--epochs', String(epochs)], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return out
    .trim()
    .split('\n')
    .map((line) => {
      const f = line.split(' ');
      return {
        epoch: Number(f[1]),
        trainLoss: Number(f[3]),
        testLoss: Number(f[5]),
        trainAccuracy: f[7] === 'nan' ? NaN : Number(f[7]),
        testAccuracy: f[9] === 'nan' ? NaN : Number(f[9]),
      };
    });
}

const close = (a: number, b: number) =>
  (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= TOLERANCE;

/** Trains `config` `epochs` epochs, exports, and checks PyTorch against `more` further epochs. */
function checkExport(config: PlaygroundConfig, epochs: number, more: number) {
  const page = trainer();
  page.build(config);
  page.step(epochs);
  const script = pytorchScript(config, page.checkpoint());
  const expected: Line[] = [];
  for (let e = 0; e <= more; e++) {
    if (e > 0) page.step(1);
    const f = page.lastFrame();
    expected.push({
      epoch: f.epoch,
      trainLoss: f.trainLoss,
      testLoss: f.testLoss,
      trainAccuracy: f.trainAccuracy,
      testAccuracy: f.testAccuracy,
    });
  }
  const printed = runScript(script, more);
  expect(printed.map((l) => l.epoch)).toEqual(expected.map((l) => l.epoch));
  printed.forEach((line, i) => {
    const want = expected[i] as Line;
    for (const key of ['trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy'] as const) {
      expect(
        close(line[key], want[key]),
        `epoch ${line.epoch} ${key}: ${line[key]} vs ${want[key]}`,
      ).toBe(true);
    }
  });
  return { printed, expected };
}

describe('an exported PyTorch file, run in PyTorch', () => {
  it('prints the page losses of a mixed network and follows it with Adam and L2', () => {
    checkExport(
      {
        ...DEFAULT_CONFIG,
        dataset: 'spiral3',
        optimizer: 'adam',
        learningRate: 0.01,
        regularization: 'l2',
        regularizationRate: 0.001,
        batchSize: 8,
        features: ['x1', 'x2', 'x1sq', 'sinx1'],
        hidden: [
          ['tanh', 'relu', 'sin', 'gaussian', 'gelu', 'softplus'],
          ['silu', 'elu', 'mish', 'leaky_relu'],
          ['selu', 'abs', 'square', 'softsign', 'cos', 'sigmoid', 'linear'],
        ],
      },
      6,
      4,
    );
  }, 120_000);

  it('builds PReLU, Swish and Learned mix as modules and follows their learned parameters', () => {
    const hidden: PlaygroundConfig['hidden'] = [
      ['mixture', 'prelu', 'swish', 'mixture', 'tanh'],
      ['swish', 'mixture', 'prelu'],
    ];
    for (const optimizer of ['adam', 'momentum'] as const) {
      checkExport(
        {
          ...DEFAULT_CONFIG,
          dataset: 'spiral',
          optimizer,
          learningRate: 0.01,
          regularization: 'l2',
          regularizationRate: 0.003,
          features: ['x1', 'x2', 'sinx1', 'sinx2'],
          hidden,
          mixPalette: ['relu', 'tanh', 'sin', 'gaussian', 'softplus'],
        },
        5,
        3,
      );
    }
  }, 240_000);

  it('follows SGD with momentum and L1 on two classes with a tanh head', () => {
    checkExport(
      {
        ...DEFAULT_CONFIG,
        dataset: 'xor',
        optimizer: 'momentum',
        learningRate: 0.03,
        regularization: 'l1',
        regularizationRate: 0.001,
        batchSize: 10,
      },
      5,
      4,
    );
  }, 120_000);
});
