/**
 * Engine speed, in Node: training examples per second and milliseconds per 100×100
 * all-neuron grid, for the shapes named in the engine issue. Prints a table, then one JSON
 * line of the figures. Run with `npm run bench`; figures vary with the machine's load.
 */
import {
  FEATURE_IDS,
  featurePlanes,
  generateDataset,
  toExamples,
  type FeatureId,
} from '../src/data';
import {
  FIXED_ACTIVATION_IDS,
  Network,
  Rng,
  evaluateGrid,
  gridSize,
  identityOrder,
  initializeParameters,
  trainEpoch,
  type ActivationId,
  type NetworkSpec,
} from '../src/nn';

const GRID_N = 100;
const MIN_SECONDS = 1.5;

interface Shape {
  key: string;
  features: readonly FeatureId[];
  hidden: ActivationId[][];
}

/** Eight of the 17 fixed activations, in palette order from `offset` (the learned ones apart). */
const mixedLayer = (offset: number): ActivationId[] =>
  Array.from(
    { length: 8 },
    (_, j) => FIXED_ACTIVATION_IDS[(offset + j) % FIXED_ACTIVATION_IDS.length] as ActivationId,
  );

const SHAPES: Shape[] = [
  {
    key: '2x4x2_tanh',
    features: ['x1', 'x2'],
    hidden: [Array(4).fill('tanh'), Array(2).fill('tanh')],
  },
  {
    key: '7x8x6_tanh',
    features: FEATURE_IDS,
    hidden: Array.from({ length: 6 }, () => Array(8).fill('tanh')),
  },
  {
    key: '7x8x6_mixed',
    features: FEATURE_IDS,
    hidden: Array.from({ length: 6 }, (_, l) => mixedLayer(l * 8)),
  },
  {
    // "6×8 all mixture": every neuron a Learned mix over the default palette of six.
    key: '7x8x6_mixture',
    features: FEATURE_IDS,
    hidden: Array.from({ length: 6 }, () => Array(8).fill('mixture')),
  },
];

function build(shape: Shape): Network {
  const spec: NetworkSpec = {
    inputSize: shape.features.length,
    hidden: shape.hidden,
    output: { size: 1, activation: 'tanh', loss: 'mse' },
  };
  const net = new Network(spec, {
    optimizer: { name: 'sgd', learningRate: 0.03, momentum: 0 },
    regularization: { name: 'none', rate: 0 },
  });
  initializeParameters(net, 'auto', new Rng(1));
  return net;
}

/** Runs `work` repeatedly for at least MIN_SECONDS after a warm-up; returns units per second. */
function rate(work: () => number): number {
  const warmUntil = performance.now() + 300;
  while (performance.now() < warmUntil) work();
  let units = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < MIN_SECONDS * 1000) {
    units += work();
    elapsed = performance.now() - start;
  }
  return (units * 1000) / elapsed;
}

const figures: Record<string, number> = {};
const rows: string[] = [];
for (const shape of SHAPES) {
  const points = generateDataset('spiral', new Rng(7), { noise: 0 });
  const examples = toExamples(points, shape.features, { activation: 'tanh', size: 1 });
  const order = identityOrder(examples.count);
  const rng = new Rng(3);
  for (const batch of [10, 1]) {
    const net = build(shape);
    const perSecond = rate(() => {
      trainEpoch(net, examples, batch, rng, order);
      return examples.count;
    });
    figures[`examplesPerSecond_${shape.key}${batch === 10 ? '' : '_batch1'}`] =
      Math.round(perSecond);
    rows.push(
      `${shape.key.padEnd(14)} batch ${String(batch).padStart(2)}  ${Math.round(perSecond).toLocaleString('en').padStart(12)} examples/s`,
    );
  }
  const net = build(shape);
  const planes = featurePlanes(shape.features, GRID_N);
  const out = new Float32Array(gridSize(net, GRID_N));
  const gridsPerSecond = rate(() => {
    evaluateGrid(net, planes, GRID_N, out);
    return 1;
  });
  const ms = 1000 / gridsPerSecond;
  figures[`gridMs_${shape.key}`] = Math.round(ms * 100) / 100;
  rows.push(`${shape.key.padEnd(14)} grid ${GRID_N}×${GRID_N}  ${ms.toFixed(2).padStart(13)} ms`);
}

/**
 * The all-mixture network's speed as a share of the all-tanh one's, measured in alternating
 * windows of SHARE_WINDOW_MS (the median of each pair's ratio), why: the rows above are
 * measured one after the other, seconds apart, and on a shared machine their speeds drift by
 * a third between rows; within a pair of windows both see the same machine.
 */
const SHARE_SECONDS = 8;
const SHARE_WINDOW_MS = 100;
function mixtureShareOfTanh(): number {
  const trainer = (key: string) => {
    const shape = SHAPES.find((s) => s.key === key) as Shape;
    const examples = toExamples(
      generateDataset('spiral', new Rng(7), { noise: 0 }),
      shape.features,
      {
        activation: 'tanh',
        size: 1,
      },
    );
    const net = build(shape);
    const order = identityOrder(examples.count);
    const rng = new Rng(3);
    return () => {
      trainEpoch(net, examples, 10, rng, order);
      return examples.count;
    };
  };
  const window = (work: () => number) => {
    const start = performance.now();
    let units = 0;
    while (performance.now() - start < SHARE_WINDOW_MS) units += work();
    return units / (performance.now() - start);
  };
  const tanh = trainer('7x8x6_tanh');
  const mixture = trainer('7x8x6_mixture');
  window(tanh); // warm-up
  window(mixture);
  const ratios: number[] = [];
  const until = performance.now() + SHARE_SECONDS * 1000;
  while (performance.now() < until) ratios.push(window(mixture) / window(tanh));
  ratios.sort((a, b) => a - b);
  return ratios[ratios.length >> 1] as number;
}
const share = mixtureShareOfTanh();
figures.mixtureShareOfTanh = Math.round(share * 1000) / 1000;
rows.push(
  `7x8x6_mixture  share of 7x8x6_tanh, alternating windows  ${(100 * share).toFixed(1).padStart(5)}%`,
);

console.log(`Engine benchmark (Node ${process.version}, spiral data, SGD, tanh output)`);
for (const row of rows) console.log(row);
console.log(JSON.stringify(figures));
