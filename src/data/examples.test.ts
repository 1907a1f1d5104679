import { describe, it, expect } from 'vitest';
import { Rng } from '../nn/rng';
import { validateSpec } from '../nn/spec';
import { DATASETS, generateDataset, type Point } from './datasets';
import { outputForTask, toExamples } from './examples';

const BINARY: Point[] = [
  { x: 1, y: 2, label: 1 },
  { x: -3, y: 0.5, label: -1 },
  { x: 0, y: -4, label: 1 },
];

describe('toExamples', () => {
  it('writes the chosen features of each point row by row', () => {
    const { inputs, count } = toExamples(BINARY, ['x1', 'x2', 'x1x2'], {
      activation: 'tanh',
      size: 1,
    });
    expect(count).toBe(3);
    expect([...inputs]).toEqual([1, 2, 2, -3, 0.5, -1.5, 0, -4, -0]);
  });

  it('keeps ±1 labels as they are for a tanh head', () => {
    const { targets } = toExamples(BINARY, ['x1'], { activation: 'tanh', size: 1 });
    expect([...targets]).toEqual([1, -1, 1]);
  });

  it('turns ±1 labels into 1 and 0 for a sigmoid head', () => {
    const { targets } = toExamples(BINARY, ['x1'], { activation: 'sigmoid', size: 1 });
    expect([...targets]).toEqual([1, 0, 1]);
  });

  it('one-hot encodes class indices for a softmax head', () => {
    const points: Point[] = [
      { x: 0, y: 0, label: 2 },
      { x: 0, y: 0, label: 0 },
      { x: 0, y: 0, label: 1 },
    ];
    const { targets, count } = toExamples(points, ['x1'], { activation: 'softmax', size: 3 });
    expect(count).toBe(3);
    expect([...targets]).toEqual([0, 0, 1, 1, 0, 0, 0, 1, 0]);
  });

  it('refuses a softmax label that is not a class index below the size', () => {
    for (const label of [3, -1, 0.5]) {
      expect(() =>
        toExamples([{ x: 0, y: 0, label }], ['x1'], { activation: 'softmax', size: 3 }),
      ).toThrow(RangeError);
    }
  });

  it('keeps real targets for a linear head', () => {
    const points: Point[] = [
      { x: 1, y: 1, label: 0.25 },
      { x: 2, y: 2, label: -0.75 },
    ];
    const { targets } = toExamples(points, ['x2'], { activation: 'linear', size: 1 });
    expect([...targets]).toEqual([0.25, -0.75]);
  });

  it('builds sets whose arrays match the count and sizes for a whole dataset', () => {
    const points = generateDataset('blobs4', new Rng(1));
    const examples = toExamples(points, ['x1', 'x2', 'sinx1'], { activation: 'softmax', size: 4 });
    expect(examples.count).toBe(500);
    expect(examples.inputs).toHaveLength(1500);
    expect(examples.targets).toHaveLength(2000);
    for (let n = 0; n < examples.count; n++) {
      const row = [...examples.targets.subarray(n * 4, n * 4 + 4)];
      expect(row.reduce((s, v) => s + v, 0)).toBe(1);
      expect(row.indexOf(1)).toBe((points[n] as Point).label);
    }
  });

  it('makes an empty set from no points', () => {
    const examples = toExamples([], ['x1'], { activation: 'tanh', size: 1 });
    expect(examples.count).toBe(0);
    expect(examples.inputs).toHaveLength(0);
    expect(examples.targets).toHaveLength(0);
  });
});

describe('outputForTask', () => {
  it('gives binary tasks the tanh + mse head of TensorFlow Playground', () => {
    expect(outputForTask('binary', 2)).toEqual({ size: 1, activation: 'tanh', loss: 'mse' });
  });

  it('gives multiclass tasks one softmax output per class', () => {
    expect(outputForTask('multiclass', 3)).toEqual({
      size: 3,
      activation: 'softmax',
      loss: 'crossentropy',
    });
    expect(outputForTask('multiclass', 4).size).toBe(4);
  });

  it('gives regression tasks one linear output trained with mse', () => {
    expect(outputForTask('regression', 0)).toEqual({ size: 1, activation: 'linear', loss: 'mse' });
  });

  it.each(DATASETS.map((d) => [d.id, d] as const))(
    'gives %s a head the engine accepts',
    (_id, info) => {
      const output = outputForTask(info.kind, info.classes);
      expect(() => validateSpec({ inputSize: 2, hidden: [], output })).not.toThrow();
    },
  );
});
