import { describe, expect, it } from 'vitest';
import { FEATURE_IDS } from '../data';
import { ACTIVATION_IDS, FIXED_ACTIVATION_IDS, LIMITS, Rng, validateSpec } from '../nn';
import { networkSpecOf } from './config';
import { MAX_IGNORED, configFromHash, configToHash } from './link';
import type { SettingRow } from './settingRows';
import { DEFAULT_CONFIG, SETTING_KEYS, type PlaygroundConfig } from './settings';
import { configProblems, rowOf } from './validate';

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)] as T;
}

/**
 * A valid value of `row` drawn from `rng`: one of its choices; for numbers its ends, one of its
 * options or any value between; for the network shapes from empty to the engine's limits.
 */
function randomValue(row: SettingRow, rng: Rng): unknown {
  switch (row.kind) {
    case 'number': {
      if (row.integer) return row.min + rng.int(row.max - row.min + 1);
      const special = [row.min, row.max, row.default, ...(row.options ?? [])];
      return rng.next() < 0.5 ? pick(rng, special) : rng.uniform(row.min, row.max);
    }
    case 'choice':
      return pick(rng, row.choices).value;
    case 'flag':
      return rng.next() < 0.5;
    case 'features': {
      const features = FEATURE_IDS.filter(() => rng.next() < 0.5);
      return features.length > 0 ? features : [pick(rng, FEATURE_IDS)];
    }
    case 'network': {
      const { maxHiddenLayers, minNeurons, maxNeurons } = LIMITS;
      return Array.from({ length: rng.int(maxHiddenLayers + 1) }, () =>
        Array.from({ length: minNeurons + rng.int(maxNeurons - minNeurons + 1) }, () =>
          pick(rng, ACTIVATION_IDS),
        ),
      );
    }
    case 'palette': {
      const palette = FIXED_ACTIVATION_IDS.filter(() => rng.next() < 0.4);
      return palette.length >= 2 ? palette : ['tanh', 'sin'];
    }
  }
}

/** A valid config with every setting drawn from `rng` by its row in the settings table. */
function randomConfig(rng: Rng): PlaygroundConfig {
  return Object.fromEntries(
    SETTING_KEYS.map((key) => [key, randomValue(rowOf(key), rng)]),
  ) as PlaygroundConfig;
}

function expectValid(config: PlaygroundConfig): void {
  expect(configProblems(config)).toEqual([]);
  expect(() => validateSpec(networkSpecOf(config))).not.toThrow();
}

describe('configToHash', () => {
  it('writes the default config as a readable link', () => {
    expect(configToHash(DEFAULT_CONFIG)).toBe(
      '#dataset=circle&noise=0&train=50&seed=1&features=x1,x2' +
        '&net=tanh,relu,sin,gaussian;tanh,tanh' +
        '&mix=relu,tanh,sin,gaussian,sigmoid,linear' +
        '&lr=0.03&opt=sgd&batch=10&reg=none&regRate=0' +
        '&init=auto&loss=mse&act=tanh&test=0&discretize=0&speed=30&log=0',
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

  it('takes any learning rate from a millionth to 10, not only the listed ones', () => {
    expect(configFromHash('#lr=0.0042').config.learningRate).toBe(0.0042);
    expect(configFromHash('#lr=1e-6').config.learningRate).toBe(1e-6);
    expect(configFromHash('#lr=10').config.learningRate).toBe(10);
  });

  it('reads the speed and the log scale, Max as no limit', () => {
    const { config, ignored } = configFromHash('#speed=max&log=1');
    expect(ignored).toEqual([]);
    expect(config).toEqual({ ...DEFAULT_CONFIG, speed: null, logScale: true });
    expect(configToHash(config).split('&')).toEqual(expect.arrayContaining(['speed=max', 'log=1']));
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
    [
      '#dataset=foo',
      'dataset: "foo" is not one of circle, xor, gauss, spiral, moons, checkerboard, spiral3,' +
        ' blobs4, reg-plane or reg-gauss — used circle',
    ],
    ['#noise=80', 'noise: "80" is not a number from 0 to 50 — used 0'],
    ['#noise=lots', 'noise: "lots" is not a number (a number from 0 to 50) — used 0'],
    ['#train=5', 'train: "5" is not a number from 10 to 90 — used 50'],
    ['#seed=1.5', 'seed: "1.5" is not a whole number from 0 to 4294967295 — used 1'],
    ['#seed=4294967296', 'seed: "4294967296" is not a whole number from 0 to 4294967295 — used 1'],
    ['#seed=-1', 'seed: "-1" is not a whole number from 0 to 4294967295 — used 1'],
    ['#lr=abc', 'lr: "abc" is not a number (a number from 0.000001 to 10) — used 0.03'],
    ['#lr=0', 'lr: "0" is not a number from 0.000001 to 10 — used 0.03'],
    ['#lr=5e-324', 'lr: "5e-324" is not a number from 0.000001 to 10 — used 0.03'],
    ['#lr=11', 'lr: "11" is not a number from 0.000001 to 10 — used 0.03'],
    [
      '#lr=1e999',
      'lr: "1e999" is too large to represent (a number from 0.000001 to 10) — used 0.03',
    ],
    [
      '#lr=1e-400',
      'lr: "1e-400" is too close to 0 to represent (it would be 0) (a number from 0.000001 to 10) — used 0.03',
    ],
    ['#lr=Infinity', 'lr: "Infinity" is not a number (a number from 0.000001 to 10) — used 0.03'],
    ['#lr=0x10', 'lr: "0x10" is not a number (a number from 0.000001 to 10) — used 0.03'],
    ['#lr=', 'lr: "" is empty (a number from 0.000001 to 10) — used 0.03'],
    ['#opt=rmsprop', 'opt: "rmsprop" is not sgd, momentum or adam — used sgd'],
    ['#batch=0', 'batch: "0" is not a whole number from 1 to 30 — used 10'],
    ['#batch=2.5', 'batch: "2.5" is not a whole number from 1 to 30 — used 10'],
    ['#reg=l3', 'reg: "l3" is not none, l1 or l2 — used none'],
    ['#regRate=-0.1', 'regRate: "-0.1" is not a number from 0 to 10 — used 0'],
    ['#init=zeros', 'init: "zeros" is not one of auto, uniform, xavier or he — used auto'],
    ['#loss=hinge', 'loss: "hinge" is not mse or bce — used mse'],
    [
      '#act=swoosh',
      `act: "swoosh" is not one of ${ACTIVATION_IDS.slice(0, -1).join(', ')} or` +
        ` ${ACTIVATION_IDS[ACTIVATION_IDS.length - 1]} — used tanh`,
    ],
    ['#test=maybe', 'test: "maybe" is not 0 or 1 — used 0'],
    ['#discretize=2', 'discretize: "2" is not 0 or 1 — used 0'],
    ['#speed=7', 'speed: "7" is not one of 1, 3, 10, 30, 100, 300, 1000 or max — used 30'],
    ['#speed=0', 'speed: "0" is not one of 1, 3, 10, 30, 100, 300, 1000 or max — used 30'],
    ['#log=on', 'log: "on" is not 0 or 1 — used 0'],
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

  it('reads a layer of only commas as no layer, not as neurons of the default activation', () => {
    const { config, ignored } = parseOne('#net=,,,');
    expect(config.hidden).toEqual([]);
    expect(ignored).toEqual(['net: layer 1 is empty — left out']);
  });

  it('leaves out empty entries of a layer with a note', () => {
    const { config, ignored } = parseOne('#net=relu,,tanh,;sin');
    expect(config.hidden).toEqual([['relu', 'tanh'], ['sin']]);
    expect(ignored).toEqual(['net: layer 1 has empty entries — left out']);
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
    expect(ignored[0]).toMatch(new RegExp(`^dataset: "${'z'.repeat(30)}…" is not one of `));
    expect(ignored[0]).not.toContain('z'.repeat(31));
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
