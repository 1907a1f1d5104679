/**
 * One optimizer step from the accumulated gradients, with the weight penalty folded in.
 * Formulas (those of the PyTorch reference):
 *   g = (Σ example gradients) / batchSize + penalty'(w)      penalty on weights only
 *   l2: penalty = rate · ½ Σ w²  →  rate · w;   l1: penalty = rate · Σ |w|  →  rate · sign(w)
 *   sgd:  v = momentum · v + g;  p -= lr · v
 *   adam: m = β1 m + (1-β1) g;  v = β2 v + (1-β2) g²;
 *         p -= lr · (m / (1 - β1^t)) / (sqrt(v / (1 - β2^t)) + ε)
 *
 * The finiteness checks test each entry rather than summing the entries and testing the sum,
 * why: a running sum is a chain of dependent additions, one per parameter, that bounded the
 * speed of the whole loop; a test per entry is independent work.
 */
import type { Network } from './network';

/** Regularisation codes for the update loops. */
const REG_NONE = 0;
const REG_L1 = 1;
const REG_L2 = 2;

/** dPenalty/dw for one weight. */
function penaltyGradient(reg: number, rate: number, w: number): number {
  if (reg === REG_L2) return rate * w;
  if (reg === REG_L1) return w > 0 ? rate : w < 0 ? -rate : 0;
  return 0;
}

/**
 * The full gradient of a step into `gradWeights` / `gradBiases`: scales the sums by
 * `1 / batchSize` and adds the penalty's gradient. Returns whether every entry is finite.
 */
export function finishGradient(net: Network, batchSize: number): boolean {
  const { gradWeights, gradBiases, weights } = net;
  const scale = 1 / batchSize;
  const { name, rate } = net.training.regularization;
  const reg = name === 'l1' ? REG_L1 : name === 'l2' ? REG_L2 : REG_NONE;
  let finite = true;
  for (let i = 0; i < gradWeights.length; i++) {
    const g = (gradWeights[i] as number) * scale + penaltyGradient(reg, rate, weights[i] as number);
    gradWeights[i] = g;
    if (!Number.isFinite(g)) finite = false;
  }
  for (let u = net.inputSize; u < gradBiases.length; u++) {
    const g = (gradBiases[u] as number) * scale;
    gradBiases[u] = g;
    if (!Number.isFinite(g)) finite = false;
  }
  return finite;
}

/**
 * Applies the optimizer to every weight and bias from the finished gradient.
 * Returns whether every new parameter is finite.
 */
export function applyOptimizer(net: Network): boolean {
  const opt = net.training.optimizer;
  const first = net.inputSize; // input units carry no bias
  if (opt.name === 'adam') {
    net.adamSteps++;
    const t = net.adamSteps;
    const c1 = 1 - Math.pow(opt.beta1, t);
    const c2 = 1 - Math.pow(opt.beta2, t);
    const { weights, gradWeights, moment1Weights, moment2Weights } = net;
    const { biases, gradBiases, moment1Biases, moment2Biases } = net;
    const weightsFinite = adamUpdate(
      weights,
      gradWeights,
      moment1Weights,
      moment2Weights,
      0,
      opt,
      c1,
      c2,
    );
    const biasesFinite = adamUpdate(
      biases,
      gradBiases,
      moment1Biases,
      moment2Biases,
      first,
      opt,
      c1,
      c2,
    );
    return weightsFinite && biasesFinite;
  }
  const { learningRate: lr, momentum } = opt;
  const weightsFinite = sgdUpdate(
    net.weights,
    net.gradWeights,
    net.moment1Weights,
    0,
    lr,
    momentum,
  );
  const biasesFinite = sgdUpdate(
    net.biases,
    net.gradBiases,
    net.moment1Biases,
    first,
    lr,
    momentum,
  );
  return weightsFinite && biasesFinite;
}

function sgdUpdate(
  params: Float64Array,
  grads: Float64Array,
  velocity: Float64Array,
  from: number,
  lr: number,
  momentum: number,
): boolean {
  let finite = true;
  if (momentum === 0) {
    // v = 0·v + g = g: skip the velocity array entirely.
    for (let i = from; i < params.length; i++) {
      const p = (params[i] as number) - lr * (grads[i] as number);
      params[i] = p;
      if (!Number.isFinite(p)) finite = false;
    }
    return finite;
  }
  for (let i = from; i < params.length; i++) {
    const v = momentum * (velocity[i] as number) + (grads[i] as number);
    velocity[i] = v;
    const p = (params[i] as number) - lr * v;
    params[i] = p;
    if (!Number.isFinite(p)) finite = false;
  }
  return finite;
}

function adamUpdate(
  params: Float64Array,
  grads: Float64Array,
  m: Float64Array,
  v: Float64Array,
  from: number,
  opt: { learningRate: number; beta1: number; beta2: number; epsilon: number },
  correction1: number,
  correction2: number,
): boolean {
  const { learningRate, beta1, beta2, epsilon } = opt;
  let finite = true;
  for (let i = from; i < params.length; i++) {
    const g = grads[i] as number;
    const mi = beta1 * (m[i] as number) + (1 - beta1) * g;
    const vi = beta2 * (v[i] as number) + (1 - beta2) * g * g;
    m[i] = mi;
    v[i] = vi;
    const p =
      (params[i] as number) -
      (learningRate * (mi / correction1)) / (Math.sqrt(vi / correction2) + epsilon);
    params[i] = p;
    if (!Number.isFinite(p)) finite = false;
  }
  return finite;
}
