import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, OPTIMIZERS, type PlaygroundConfig } from '../config';
import { ACTIVATION_IDS, type ActivationId } from '../nn';
import {
  MAX_FILE_ARRAY,
  NETWORK_FILE_FORMAT,
  makeNetworkFile,
  readNetworkFile,
  writeNetworkFile,
  type NetworkFile,
} from './networkFile';
import { trainer } from './testTrainer';

const MIXED: PlaygroundConfig = {
  ...DEFAULT_CONFIG,
  dataset: 'spiral',
  optimizer: 'adam',
  regularization: 'l2',
  regularizationRate: 0.001,
  batchSize: 7,
  hidden: [
    ['tanh', 'relu', 'sin', 'gaussian', 'sigmoid'],
    ['silu', 'elu', 'linear'],
  ],
};

const CURVE = { epochs: [0, 1, 2], trainLoss: [0.5, 0.4, 0.3], testLoss: [0.6, 0.5, 0.4] };

/** A trained network's file, saved through the trainer's checkpoint. */
function savedFile(config: PlaygroundConfig = MIXED, epochs = 4): NetworkFile {
  const t = trainer();
  t.build(config);
  if (epochs > 0) t.step(epochs);
  return makeNetworkFile(config, t.checkpoint(), null, CURVE, new Date(0));
}

describe('network files', () => {
  it('continue bit for bit where the saved page would have gone on', () => {
    const original = trainer();
    original.build(MIXED);
    original.step(5);
    const text = writeNetworkFile(makeNetworkFile(MIXED, original.checkpoint(), null, CURVE));
    original.step(6);

    const read = readNetworkFile(text);
    if (!read.ok) throw new Error(read.message);
    const opened = trainer();
    opened.build(read.file.config);
    opened.restore(read.file.state);
    expect(opened.lastFrame().epoch).toBe(5);
    opened.step(6);

    const a = original.lastFrame();
    const b = opened.lastFrame();
    expect(b.epoch).toBe(11);
    expect(b.trainLoss).toBe(a.trainLoss);
    expect(b.testLoss).toBe(a.testLoss);
    expect(Array.from(b.weights)).toStrictEqual(Array.from(a.weights));
    expect(opened.checkpoint()).toStrictEqual(original.checkpoint());
  });

  it('round-trip every field of random networks', () => {
    const activation = fc.constantFrom(...(ACTIVATION_IDS as readonly ActivationId[]));
    const config = fc.record({
      hidden: fc.array(fc.array(activation, { minLength: 1, maxLength: 4 }), { maxLength: 3 }),
      optimizer: fc.constantFrom(...OPTIMIZERS),
      seed: fc.integer({ min: 1, max: 99999 }),
      batchSize: fc.integer({ min: 1, max: 30 }),
      dataset: fc.constantFrom('circle', 'xor', 'spiral3', 'reg-plane'),
    });
    fc.assert(
      fc.property(config, fc.integer({ min: 0, max: 3 }), (fields, epochs) => {
        const file = savedFile({ ...DEFAULT_CONFIG, ...fields }, epochs);
        const read = readNetworkFile(writeNetworkFile(file));
        if (!read.ok) throw new Error(read.message);
        expect(read.file).toStrictEqual(file);
      }),
      { numRuns: 25 },
    );
  });

  it('refuse text that is not a network file of this version, saying "file"', () => {
    const good = writeNetworkFile(savedFile());
    const cases = [
      '',
      'hello',
      '{}',
      '[]',
      'null',
      good.slice(0, good.length / 2),
      good.replace(NETWORK_FILE_FORMAT, 'something-else'),
      good.replace('"version": 1', '"version": 2'),
    ];
    for (const text of cases) {
      const read = readNetworkFile(text);
      expect(read.ok, text.slice(0, 40)).toBe(false);
      if (!read.ok) expect(read.message).toMatch(/file/);
    }
    const newer = readNetworkFile(good.replace('"version": 1', '"version": 2'));
    expect(!newer.ok && newer.message).toMatch(/newer/);
  });

  it('refuse at least 200 corrupted files, each with a message', () => {
    const file = savedFile();
    const good = writeNetworkFile(file);
    expect(readNetworkFile(good).ok).toBe(true);
    const corrupted = fc.sample(corruption(good), { numRuns: 300, seed: 12 });
    expect(corrupted.length).toBeGreaterThanOrEqual(200);
    for (const text of corrupted) {
      const read = readNetworkFile(text);
      expect(read.ok, text.slice(0, 300)).toBe(false);
      if (!read.ok) expect(read.message).toMatch(/file/);
    }
    // 300 reads, many building a network: ~3 s alone, far more on a loaded machine.
  }, 30_000);
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to an object, array or leaf of `value`. */
function paths(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const here = [at];
  if (Array.isArray(value)) return here.concat(...value.map((v, i) => paths(v, [...at, i])));
  if (value !== null && typeof value === 'object') {
    return here.concat(...Object.entries(value).map(([k, v]) => paths(v, [...at, k])));
  }
  return here;
}

function nodeAt(root: Json, path: (string | number)[]): Json {
  let node = root;
  for (const key of path) node = (node as Record<string | number, Json>)[key] as Json;
  return node;
}

/** Sets `root` at `path` (not the root itself) to `value`, as an own property. */
function setAt(root: Json, path: (string | number)[], value: Json): void {
  const parent = nodeAt(root, path.slice(0, -1)) as Record<string | number, Json>;
  Object.defineProperty(parent, path[path.length - 1] as string | number, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Texts that are a saved file broken in one way each, none of them still a valid file. */
function corruption(good: string): fc.Arbitrary<string> {
  const root = JSON.parse(good) as Json;
  // savedAt is free text; history arrays are checked for length only together.
  const all = paths(root).filter((p) => p.length > 0 && p[0] !== 'savedAt');
  const leaves = all.filter((p) => typeof nodeAt(root, p) !== 'object');
  const objects = [[], ...all].filter((p) => {
    const node = nodeAt(root, p);
    return node !== null && typeof node === 'object' && !Array.isArray(node);
  });
  const arrays = all.filter((p) => {
    const node = nodeAt(root, p);
    return Array.isArray(node) && node.length > 0 && p[0] !== 'history';
  });
  const edit = (change: (copy: Json) => void) => {
    const copy = JSON.parse(good) as Json;
    change(copy);
    return JSON.stringify(copy);
  };
  const badValue = fc.constantFrom<Json>(null, 'NaN', true, {}, [], 'x', -1.5);
  return fc
    .oneof(
      fc.integer({ min: 0, max: good.length - 2 }).map((n) => good.slice(0, n)),
      fc
        .tuple(fc.constantFrom(...leaves), badValue)
        .filter(([p, value]) => typeof nodeAt(root, p) !== typeof value)
        // -1.5 is fine where any finite number is (a weight): use it for counters and settings.
        .filter(([p, value]) => value !== -1.5 || !isFreeNumber(p))
        .map(([p, value]) => edit((copy) => setAt(copy, p, value))),
      fc
        .tuple(fc.constantFrom(...leaves.filter(isNumberLeaf(root))), fc.boolean())
        .map(([p, positive]) =>
          good.replace(numberText(root, p), numberText(root, p, positive ? '1e999' : '-1e999')),
        )
        .filter((text) => text !== good),
      fc
        .constantFrom(...all.filter((p) => typeof nodeAt(root, p) === 'object'))
        .map((p) => edit((copy) => setAt(copy, p, 42))),
      fc
        .tuple(fc.constantFrom(...objects), fc.constantFrom('__proto__', 'constructor', 'extra'))
        .map(([p, key]) => edit((copy) => setAt(copy, [...p, key], { polluted: true }))),
      fc
        .constantFrom(
          ...objects.flatMap((p) => Object.keys(nodeAt(root, p) as object).map((k) => [...p, k])),
        )
        .filter((p) => p[p.length - 1] !== 'stats')
        .map((p) =>
          edit(
            (copy) =>
              delete (nodeAt(copy, p.slice(0, -1)) as Record<string, Json>)[
                p[p.length - 1] as string
              ],
          ),
        ),
      fc.constantFrom(...arrays).map((p) => edit((copy) => (nodeAt(copy, p) as Json[]).pop())),
      fc
        .constantFrom('weights', 'order', 'biases')
        .map((key) =>
          edit((copy) => setAt(copy, ['state', key], new Array(MAX_FILE_ARRAY + 1).fill(0))),
        ),
      fc
        .constantFrom<Json>(0, 2, 99, '1', null, 1.5, -1)
        .map((version) => edit((copy) => setAt(copy, ['version'], version))),
    )
    .filter((text) => text !== good);
}

/** Numbers anywhere finite is fine: parameters, moments, statistics, learning rates. */
function isFreeNumber(path: (string | number)[]): boolean {
  const names = path.filter((k): k is string => typeof k === 'string');
  const last = names[names.length - 1] ?? '';
  return [
    'weights',
    'biases',
    'moment1Weights',
    'moment1Biases',
    'moment2Weights',
    'moment2Biases',
    'preMin',
    'preMax',
    'gradAbsSum',
    'beta1',
    'beta2',
    'epsilon',
    'learningRate',
    'momentum',
    'rate',
  ].some((name) => last.endsWith(name) || names.includes(name));
}

function isNumberLeaf(root: Json) {
  return (p: (string | number)[]) =>
    typeof nodeAt(root, p) === 'number' && typeof p[p.length - 1] === 'string';
}

/** The text of a keyed number leaf as the pretty-printed file writes it. */
function numberText(root: Json, p: (string | number)[], value?: string): string {
  return `"${String(p[p.length - 1])}": ${value ?? JSON.stringify(nodeAt(root, p))}`;
}

describe('network files with own data', () => {
  const points = [
    { x: 1, y: 2, label: 1 },
    { x: -3, y: 0.5, label: -1 },
    { x: 0, y: -1, label: 1 },
    { x: 2, y: 2, label: -1 },
  ];

  it('carry the points and continue on them bit for bit', () => {
    const config = { ...MIXED, dataset: 'xor' as const, trainPercent: 50 };
    const original = trainer();
    original.buildWith(config, points);
    original.step(3);
    const text = writeNetworkFile(makeNetworkFile(config, original.checkpoint(), points, CURVE));
    original.step(2);
    const read = readNetworkFile(text);
    if (!read.ok) throw new Error(read.message);
    expect(read.file.data).toStrictEqual(points);
    const opened = trainer();
    opened.buildWith(read.file.config, read.file.data);
    opened.restore(read.file.state);
    opened.step(2);
    expect(opened.lastFrame().trainLoss).toBe(original.lastFrame().trainLoss);
    expect(opened.checkpoint()).toStrictEqual(original.checkpoint());
  });

  it('refuse points that do not fit the task', () => {
    const config = { ...DEFAULT_CONFIG, dataset: 'xor' as const, trainPercent: 50 };
    const t = trainer();
    t.buildWith(config, points);
    const file = makeNetworkFile(config, t.checkpoint(), points, CURVE);
    const bad = { ...file, data: [...points.slice(0, 3), { x: 2, y: 2, label: 3 }] };
    const read = readNetworkFile(writeNetworkFile(bad));
    expect(!read.ok && read.message).toMatch(/file.*own data/);
  });
});

describe('own data in the trainer', () => {
  it('an empty set (cleared, nothing drawn yet) builds and steps without failing', () => {
    const t = trainer();
    t.buildWith({ ...DEFAULT_CONFIG }, []);
    t.step(2);
    expect(t.events.some((e) => e.type === 'failed')).toBe(false);
    expect(t.lastFrame().epoch).toBe(2);
  });
});
