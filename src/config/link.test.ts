import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONFIG,
  LEARNING_RATES,
  OPTIMIZERS,
  REGULARIZATIONS,
  REGULARIZATION_RATES,
  networkSpecOf,
  type PlaygroundConfig,
} from '../config';
import { DATASETS, FEATURE_IDS } from '../data';
import { ACTIVATION_IDS, INIT_SCHEMES, Rng, validateSpec } from '../nn';
import { MAX_IGNORED, configFromHash, configToHash } from './url';
import { configProblems } from './validate';

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)] as T;
}

/** A valid config with every field drawn from `rng`, shapes from empty to the limits. */
function randomConfig(rng: Rng): PlaygroundConfig {
  const features = FEATURE_IDS.filter(() => rng.next() < 0.5);
  const layers = rng.int(9);
  return {
    dataset: pick(rng, DATASETS).id,
    noise: pick(rng, [0, 5, 12.5, 50]),
    trainPercent: pick(rng, [10, 33, 50, 90]),
    seed: rng.nextUint32(),
    features: features.length > 0 ? features : ['x1sq'],
    hidden: Array.from({ length: layers }, () =>
      Array.from({ length: 1 + rng.int(16) }, () => pick(rng, ACTIVATION_IDS)),
    ),
    learningRate: rng.next() < 0.5 ? pick(rng, LEARNING_RATES) : rng.uniform(1e-7, 10),
    optimizer: pick(rng, OPTIMIZERS),
    batchSize: 1 + rng.int(30),
    regularization: pick(rng, REGULARIZATIONS),
    regularizationRate: pick(rng, REGULARIZATION_RATES),
    init: pick(rng, INIT_SCHEMES),
    defaultActivation: pick(rng, ACTIVATION_IDS),
    showTestData: rng.next() < 0.5,
    discretize: rng.next() < 0.5,
  };
}

function expectValid(config: PlaygroundConfig): void {
  expect(configProblems(config)).toEqual([]);
  expect(() => validateSpec(networkSpecOf(config))).not.toThrow();
}

describe('configToHash', () => {
  it('writes the default config as a readable link', () => {
    expect(configToHash(DEFAULT_CONFIG)).toBe(
      '#dataset=circle&noise=0&train=50&seed=1&features=x1,x2' +
        '&net=tanh,relu,sin,gaussian;tanh,tanh&lr=0.03&opt=sgd&batch=10&reg=none&regRate=0' +
        '&init=auto&act=tanh&test=0&discretize=0',
    );
  });

  it('writes an empty net for a network without hidden layers', () => {
    expect(configToHash({ ...DEFAULT_CONFIG, hidden: [] })).toContain('&net=&');
  });
});

describe('configFromHash round trip', () => {
  it('reads back the default config with nothing ignored', () => {
    expect(configFromHash(configToHash(DEFAULT_CONFIG))).toEqual({
      config: DEFAULT_CONFIG,
      ignored: [],
    });
  });

  it('reads back 300 random configs exactly, with nothing ignored', () => {
    const rng = new Rng(7);
    for (let i = 0; i < 300; i++) {
      const config = randomConfig(rng);
      expectValid(config);
      const parsed = configFromHash(configToHash(config));
      expect(parsed.ignored).toEqual([]);
      expect(parsed.config).toEqual(config);
    }
  });

  it('reads a config without hidden layers', () => {
    const config = { ...DEFAULT_CONFIG, hidden: [] };
    expect(configFromHash(configToHash(config)).config.hidden).toEqual([]);
  });

  it('reads a hash without its leading #', () => {
    expect(configFromHash(configToHash(DEFAULT_CONFIG).slice(1)).config).toEqual(DEFAULT_CONFIG);
  });

  it('gives the defaults for an empty hash, silently', () => {
    expect(configFromHash('')).toEqual({ config: DEFAULT_CONFIG, ignored: [] });
    expect(configFromHash('#')).toEqual({ config: DEFAULT_CONFIG, ignored: [] });
  });

  it('fills missing fields from the defaults, silently', () => {
    const { config, ignored } = configFromHash('#dataset=xor&lr=0.1');
    expect(ignored).toEqual([]);
    expect(config).toEqual({ ...DEFAULT_CONFIG, dataset: 'xor', learningRate: 0.1 });
  });

  it('accepts ids in capitals and escaped characters', () => {
    const { config, ignored } = configFromHash('#dataset=XOR&net=ReLU%2Ctanh&features=x1%2Cx2');
    expect(ignored).toEqual([]);
    expect(config.dataset).toBe('xor');
    expect(config.hidden).toEqual([['relu', 'tanh']]);
  });

  it('takes any learning rate up to 10, not only the listed ones', () => {
    expect(configFromHash('#lr=0.0042').config.learningRate).toBe(0.0042);
    expect(configFromHash('#lr=1e-6').config.learningRate).toBe(1e-6);
    expect(configFromHash('#lr=10').config.learningRate).toBe(10);
  });
});

/** The one ignored sentence and the config of `hash`. */
function parseOne(hash: string) {
  const { config, ignored } = configFromHash(hash);
  expectValid(config);
  return { config, ignored };
}

describe('configFromHash ignoring bad fields', () => {
  it.each([
    ['#dataset=foo', 'dataset: "foo" is not a dataset — used circle'],
    ['#noise=80', 'noise: "80" is not from 0 to 50 — used 0'],
    ['#noise=lots', 'noise: "lots" is not a number — used 0'],
    ['#train=5', 'train: "5" is not from 10 to 90 — used 50'],
    ['#seed=1.5', 'seed: "1.5" is not a whole number from 0 to 4294967295 — used 1'],
    ['#seed=4294967296', 'seed: "4294967296" is not a whole number from 0 to 4294967295 — used 1'],
    ['#seed=-1', 'seed: "-1" is not a whole number from 0 to 4294967295 — used 1'],
    ['#lr=abc', 'lr: "abc" is not a number — used 0.03'],
    ['#lr=0', 'lr: "0" is not more than 0 and at most 10 — used 0.03'],
    ['#lr=11', 'lr: "11" is not more than 0 and at most 10 — used 0.03'],
    ['#lr=1e999', 'lr: "1e999" is not more than 0 and at most 10 — used 0.03'],
    ['#lr=Infinity', 'lr: "Infinity" is not a number — used 0.03'],
    ['#lr=0x10', 'lr: "0x10" is not a number — used 0.03'],
    ['#lr=', 'lr: "" is not a number — used 0.03'],
    ['#opt=rmsprop', 'opt: "rmsprop" is not sgd, momentum or adam — used sgd'],
    ['#batch=0', 'batch: "0" is not a whole number from 1 to 30 — used 10'],
    ['#batch=2.5', 'batch: "2.5" is not a whole number from 1 to 30 — used 10'],
    ['#reg=l3', 'reg: "l3" is not none, l1 or l2 — used none'],
    ['#regRate=-0.1', 'regRate: "-0.1" is not from 0 to 10 — used 0'],
    ['#init=zeros', 'init: "zeros" is not auto, uniform, xavier or he — used auto'],
    ['#act=swish', 'act: "swish" is not an activation — used tanh'],
    ['#test=maybe', 'test: "maybe" is not 0 or 1 — used 0'],
    ['#discretize=2', 'discretize: "2" is not 0 or 1 — used 0'],
    ['#features=', 'features: "" has no input feature — used x1,x2'],
    ['#colour=red', '"colour": not a setting of the playground — ignored'],
    ['#lr', 'lr: has no value — used 0.03'],
    ['#lr=%E0%A4%A', 'lr: "%E0%A4%A" could not be decoded — used 0.03'],
  ])('ignores %s with a sentence', (hash, sentence) => {
    const { config, ignored } = parseOne(hash);
    expect(ignored).toEqual([sentence]);
    expect(config).toEqual(DEFAULT_CONFIG);
  });

  it('falls back for one bad activation only, naming its neuron', () => {
    const { config, ignored } = parseOne('#net=relu,foo;sin');
    expect(config.hidden).toEqual([['relu', 'tanh'], ['sin']]);
    expect(ignored).toEqual(['net: "foo" is not an activation (layer 1 neuron 2) — used tanh']);
  });

  it("uses the link's own default activation for a bad neuron", () => {
    const { config, ignored } = parseOne('#act=elu&net=relu;x');
    expect(config.hidden).toEqual([['relu'], ['elu']]);
    expect(ignored).toEqual(['net: "x" is not an activation (layer 2 neuron 1) — used elu']);
  });

  it('cuts too many layers to 8 with a note', () => {
    const { config, ignored } = parseOne(`#net=${Array(11).fill('relu').join(';')}`);
    expect(config.hidden).toHaveLength(8);
    expect(ignored).toEqual(['net: 11 hidden layers — kept the first 8']);
  });

  it('cuts too many neurons to 16 with a note', () => {
    const { config, ignored } = parseOne(`#net=${Array(20).fill('sin').join(',')}`);
    expect(config.hidden).toEqual([Array(16).fill('sin')]);
    expect(ignored).toEqual(['net: layer 1 has 20 neurons — kept the first 16']);
  });

  it('leaves out empty layers with a note', () => {
    const { config, ignored } = parseOne('#net=relu;;tanh');
    expect(config.hidden).toEqual([['relu'], ['tanh']]);
    expect(ignored).toEqual(['net: layer 2 is empty — left out']);
  });

  it('leaves out unknown features and keeps the rest in display order', () => {
    const { config, ignored } = parseOne('#features=sinx2,x9,x1,x1');
    expect(config.features).toEqual(['x1', 'sinx2']);
    expect(ignored).toEqual(['features: "x9" is not an input feature — left out']);
  });

  it('uses the first of a repeated key and says so', () => {
    const { config, ignored } = parseOne('#lr=0.1&lr=0.3&lr=1');
    expect(config.learningRate).toBe(0.1);
    expect(ignored).toEqual(['lr: given 3 times — used the first']);
  });

  it('keeps the good fields of a link with bad ones', () => {
    const { config, ignored } = parseOne('#dataset=spiral&noise=999&batch=3');
    expect(config).toEqual({ ...DEFAULT_CONFIG, dataset: 'spiral', batchSize: 3 });
    expect(ignored).toHaveLength(1);
  });

  it('shortens a long bad value in its sentence', () => {
    const { ignored } = parseOne(`#dataset=${'z'.repeat(500)}`);
    expect(ignored[0]).toBe(`dataset: "${'z'.repeat(30)}…" is not a dataset — used circle`);
  });

  it('lists at most MAX_IGNORED problems and counts the rest', () => {
    const hash = '#' + Array.from({ length: 50 }, (_, i) => `junk${i}=1`).join('&');
    const { ignored } = parseOne(hash);
    expect(ignored).toHaveLength(MAX_IGNORED + 1);
    expect(ignored[MAX_IGNORED]).toBe('… and 30 more problems in the link');
  });
});

describe('configFromHash on garbage', () => {
  const ALPHABET = [
    ...'abcdefghijklmnopqrstuvwxyz0123456789',
    ...'%&=;,#.+-_ ',
    'é',
    '😀',
    '\u0000',
    '%zz',
    '%E0%A4%A',
    'net=',
    'lr=',
    'seed=',
    'features=',
    'dataset=',
    'relu',
    '1e308',
    '99999999999999999999',
    'NaN',
    '&lr=',
  ];

  it('never throws and always gives a valid config, for 2000 random strings', () => {
    const rng = new Rng(99);
    for (let i = 0; i < 2000; i++) {
      const length = rng.int(80);
      let text = rng.next() < 0.5 ? '#' : '';
      for (let k = 0; k < length; k++) text += pick(rng, ALPHABET);
      let parsed: ReturnType<typeof configFromHash> | undefined;
      expect(() => (parsed = configFromHash(text)), text).not.toThrow();
      if (!parsed) throw new Error('unreachable');
      expectValid(parsed.config);
      expect(parsed.ignored.length).toBeLessThanOrEqual(MAX_IGNORED + 1);
    }
  });

  it('survives huge inputs: many layers, many keys, huge numbers', () => {
    const hashes = [
      `#net=${'relu,'.repeat(10000)}`,
      `#net=${';'.repeat(100000)}`,
      `#${'lr=1&'.repeat(10000)}`,
      `#seed=${'9'.repeat(400)}&lr=${'1'.repeat(400)}&noise=1e400`,
      '#%',
      '#=&=&=',
      '#net=%;%',
    ];
    for (const hash of hashes) {
      const { config } = configFromHash(hash);
      expectValid(config);
    }
  });

  it('survives a value that is not a string', () => {
    expect(configFromHash(undefined as unknown as string).config).toEqual(DEFAULT_CONFIG);
  });
});
