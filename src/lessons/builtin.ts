/**
 * The lessons that come with the page: why a layer's neurons usually share one activation, and
 * when mixing helps. Each is plain data of the same schema a teacher's file has (checked by a
 * test). Every goal is reachable from its start with the change its hints ask for, and the
 * start falls short where the lesson says so: solutions.test.ts trains each one to check.
 */
import type { Lesson } from './schema';

const FAST = 'speed=max&test=1';

export const BUILTIN_LESSONS: readonly Lesson[] = [
  {
    version: 1,
    id: 'one-neuron',
    title: 'What one neuron does to the boundary',
    text: [
      'One hidden neuron, two inputs. Its activation decides the shape of what it can draw.',
      'Open the neuron and try Linear, Tanh, ReLU and Gaussian: watch the large heatmap change while the weights stay.',
    ],
    start: `#dataset=gauss&features=x1,x2&net=linear&lr=0.03&${FAST}`,
    goal: { metric: 'testAccuracy', above: 0.95, withinEpochs: 300, maxNeurons: 1 },
    hints: [
      'Press Play: two Gaussian clouds are split by one straight line, so any activation can do it.',
    ],
  },
  {
    version: 1,
    id: 'uniform-layer',
    title: 'The habit: one activation for the whole layer',
    text: [
      'Three linear neurons can only draw a straight boundary, whatever their weights: a circle is out of reach.',
      'Give the whole layer one non-linear activation with the layer\u2019s \u0192 button, then train.',
    ],
    start: `#dataset=circle&features=x1,x2&net=linear,linear,linear&lr=0.03&batch=10&seed=1&${FAST}`,
    goal: {
      metric: 'testLoss',
      below: 0.1,
      withinEpochs: 1500,
      maxNeurons: 3,
      allActivation: 'tanh',
    },
    hints: [
      'Click \u0192 above the layer and choose Tanh: every neuron of the layer changes at once.',
      'Then press Play. Three tanh neurons make a triangle-like boundary around the disc.',
    ],
  },
  {
    version: 1,
    id: 'dying-relu',
    title: 'A dying ReLU',
    text: [
      'A ReLU neuron whose input is negative for every point outputs 0 and gets no gradient: it has died and never comes back.',
      'With this large learning rate and one point per step, most of the layer dies early. Watch the badges on the neurons.',
    ],
    start: `#dataset=circle&features=x1,x2&net=relu,relu,relu,relu&lr=1&batch=1&seed=3&${FAST}`,
    goal: { metric: 'testLoss', below: 0.1, withinEpochs: 1500 },
    hints: [
      'Lower the learning rate to 0.03 and press Reset.',
      'Or give the neurons Leaky ReLU: a small slope below 0 keeps the gradient alive.',
    ],
  },
  {
    version: 1,
    id: 'saturating-sigmoid',
    title: 'Saturating sigmoids in a deep network',
    text: [
      'A sigmoid\u2019s slope is at most 0.25, so each layer shrinks the gradient on its way back: five layers deep, the first layers barely learn.',
      'Train and watch which layers change. Then change what the layers are made of.',
    ],
    start: `#dataset=circle&features=x1,x2&net=sigmoid,sigmoid,sigmoid;sigmoid,sigmoid,sigmoid;sigmoid,sigmoid,sigmoid;sigmoid,sigmoid,sigmoid;sigmoid,sigmoid,sigmoid&lr=0.03&init=uniform&${FAST}`,
    goal: { metric: 'testLoss', below: 0.1, withinEpochs: 2000 },
    hints: [
      'Set every layer to Tanh (its slope at 0 is 1) or ReLU with Apply to all.',
      'Initialization Auto picks Xavier for tanh and He for ReLU.',
    ],
  },
  {
    version: 1,
    id: 'sine-spiral',
    title: 'One sine neuron against the spiral',
    text: [
      'A spiral winds around and around: tanh neurons need many of their kind to follow it.',
      'A periodic activation repeats by itself. Try turning one or two neurons into Sine.',
    ],
    start: `#dataset=spiral&features=x1,x2&net=tanh,tanh,tanh,tanh;tanh,tanh,tanh,tanh&lr=0.03&${FAST}`,
    goal: { metric: 'testAccuracy', above: 0.9, withinEpochs: 3000, maxNeurons: 8 },
    hints: [
      'Open a neuron of the first layer and choose Sine; keep the others tanh.',
      'Press Reset to start from new weights after changing.',
    ],
  },
  {
    version: 1,
    id: 'init-suits',
    title: 'Initialisation that suits each activation',
    text: [
      'How large the first weights are matters: Xavier keeps a tanh or sigmoid layer\u2019s signal about the same size on its way through, He does the same for ReLU.',
      'This deep tanh network starts with small uniform weights (\u00b10.5, TensorFlow Playground\u2019s): the signal shrinks layer by layer and learning is slow to start. Train it, then change the Initialization.',
    ],
    start: `#dataset=xor&features=x1,x2&net=tanh,tanh,tanh,tanh;tanh,tanh,tanh,tanh;tanh,tanh,tanh,tanh;tanh,tanh,tanh,tanh;tanh,tanh,tanh,tanh;tanh,tanh,tanh,tanh&init=uniform&lr=0.03&${FAST}`,
    goal: { metric: 'testAccuracy', above: 0.95, withinEpochs: 50 },
    hints: [
      'Set Initialization to Xavier (or Auto, which picks Xavier for tanh), then press Reset.',
    ],
  },
  {
    version: 1,
    id: 'mixing-helps',
    title: 'When mixing helps: a Gaussian among tanh',
    text: [
      'Two tanh neurons draw two soft lines: not enough to close a circle.',
      'A Gaussian neuron draws a band. Mix: make one of the two neurons Gaussian.',
    ],
    start: `#dataset=circle&features=x1,x2&net=tanh,tanh&lr=0.03&seed=2&${FAST}`,
    goal: { metric: 'testLoss', below: 0.2, withinEpochs: 1500, maxNeurons: 2 },
    hints: ['Click one neuron and choose Gaussian, then Reset and Play.'],
  },
  {
    version: 1,
    id: 'why-libraries',
    title: 'Why libraries favour uniform layers',
    text: [
      'Libraries apply one activation to a whole layer: one fast kernel over a matrix, one initialisation rule, one derivative.',
      'Mixed layers cost more code and rarely help. Solve this with ReLU everywhere.',
    ],
    start: `#dataset=xor&features=x1,x2&net=tanh,sigmoid,relu,gaussian&lr=0.03&seed=2&${FAST}`,
    goal: { metric: 'testAccuracy', above: 0.95, withinEpochs: 1000, allActivation: 'relu' },
    hints: [
      'Set the layer\u2019s activation with \u0192, or choose ReLU under Activation for new neurons and press Apply to all.',
    ],
  },
  {
    version: 1,
    id: 'let-it-choose',
    title: 'Let the network choose',
    text: [
      'Instead of choosing activations yourself, let every neuron learn its own: a learned mix blends ReLU, tanh, sine, Gaussian, sigmoid and linear, and training learns how much of each.',
      'Press Let the network choose and watch the bars on the neurons and the chart under the network: what does each layer go for on the spiral? Then press Freeze choices and see what the loss does.',
    ],
    start: `#dataset=spiral&features=x1,x2&net=tanh,tanh,tanh,tanh;tanh,tanh,tanh,tanh&lr=0.03&batch=10&${FAST}`,
    goal: { metric: 'testAccuracy', above: 0.95, withinEpochs: 2000, allActivation: 'mixture' },
    hints: [
      'Let the network choose is in the network\u2019s toolbar; it starts training at once.',
      'Press it before training the tanh network: the goal counts epochs from the start.',
    ],
  },
  {
    version: 1,
    id: 'is-it-luck',
    title: 'Is it luck? An experiment over seeds',
    text: [
      'One training run is one seed: one draw of the data, the split and the first weights. On this seed the network with one Sine neuron ends with a lower test loss than all tanh would, but a mix that wins on one seed may lose on the next.',
      'An experiment trains each variant from the same seeds and compares them seed by seed. Press Experiment in the header: it is set up to compare the network as set with every neuron tanh, on 3 seeds. Use at least 5, run it and read the verdict.',
    ],
    start: `#dataset=circle&features=x1,x2&net=sin,tanh,tanh,tanh&lr=0.03&act=tanh&exp=variants:set+all(tanh);seeds:3;epochs:300;target:acc:0.9&${FAST}`,
    goal: { kind: 'experiment', minSeeds: 5 },
    hints: [
      'In the Experiment dialog, set Seeds to 5 (or more) and press Run experiment.',
      '"No clear difference" means the 95% interval of the mean difference holds zero: the win could be luck. Run it again with 10 seeds: does the verdict hold?',
    ],
  },
];
