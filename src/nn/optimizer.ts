/**
 * One optimizer step from the accumulated gradients, with the weight penalty folded in.
 * Formulas (those of the PyTorch reference):
 *   g = (Σ example gradients) / batchSize + penalty'(w)      penalty on weights only
 *   l2: penalty = rate · ½ Σ w²  →  rate · w;   l1: penalty = rate · Σ |w|  →  rate · sign(w)
 *   sgd:  v = momentum · v + g;  p -= lr · v
 *   adam: m = β1 m + (1-β1) g;  v = β2 v + (1-β2) g²;
 *         p -= lr · (m / (1 - β1^t)) / (sqrt(v / (1 - β2^t)) + ε)
 *
 * The learned activations' parameters (`activationParams`) are updated the same way, with
 * their own moments and the same Adam step count, never penalised.
 *
 * A training step forms g on the fly from the sums in `gradWeights` / `gradBiases`: once to
 * check that all of it is finite, once to update, rather than writing g back between the two,
 * why: with small batches the step's passes over the parameters are a large part of the time.
 * The checks test each entry rather than summing the entries and testing the sum, why: a
 * running sum is a chain of dependent additions that bounded the speed of the whole loop.
 */
import type { Network } from './network';

/** Regularisation codes for the update loops. */
const REG_NONE = 0;
const REG_L1 = 1;
const REG_L2 = 2;

function regularizationCode(net: Network): number {
  const { name } = net.training.regularization;
  return name === 'l1' ? REG_L1 : name === 'l2' ? REG_L2 : REG_NONE;
}

/** dPenalty/dw for one weight. */
function penaltyGradient(reg: number, rate: number, w: number): number {
  if (reg === REG_L2) return rate * w;
  if (reg === REG_L1) return w > 0 ? rate : w < 0 ? -rate : 0;
  return 0;
}

/** Whether every entry of the full gradient of a step of `batchSize` examples is finite. */
export function gradientFinite(net: Network, batchSize: number): boolean {
  const scale = 1 / batchSize;
  const reg = regularizationCode(net);
  const { rate } = net.training.regularization;
  const { weights, gradWeights, biases, gradBiases } = net;
  return (
    entriesFinite(weights, gradWeights, 0, scale, reg, rate) &&
    entriesFinite(biases, gradBiases, net.inputSize, scale, REG_NONE, 0) &&
    allFinite(net.gradActivationParams, 0)
  );
}

/** Whether g = sums[i] · scale + penalty'(params[i]) is finite for every i from `from`. */
function entriesFinite(
  params: Float64Array,
  sums: Float64Array,
  from: number,
  scale: number,
  reg: number,
  rate: number,
): boolean {
  // Without a penalty g is finite exactly when the sum is (0 < scale ≤ 1): check the sums
  // alone, the common case, in a loop that reads nothing else.
  if (reg === REG_NONE) return allFinite(sums, from);
  let finite = true;
  for (let i = from; i < params.length; i++) {
    const g = (sums[i] as number) * scale + penaltyGradient(reg, rate, params[i] as number);
    if (!Number.isFinite(g)) finite = false;
  }
  return finite;
}

/**
 * Whether every values[i] from `from` is finite. Four entries per iteration (repeating the
 * last one at the end), why: a V8 loop iteration costs some six cycles of checks besides its
 * work, several times the work here.
 */
function allFinite(values: Float64Array, from: number): boolean {
  const last = values.length - 1;
  let finite = true;
  for (let i = from; i <= last; i += 4) {
    const v0 = values[i] as number;
    const v1 = values[Math.min(i + 1, last)] as number;
    const v2 = values[Math.min(i + 2, last)] as number;
    const v3 = values[Math.min(i + 3, last)] as number;
    // v · 0 is 0 for a finite v and NaN otherwise, and a sum of such terms cannot overflow.
    if (v0 * 0 + v1 * 0 + v2 * 0 + v3 * 0 !== 0) finite = false;
  }
  return finite;
}

/**
 * Turns the sums in `gradWeights` / `gradBiases` into the full gradient of `batchSize`
 * examples, in place (for `computeGradient`; a training step leaves the sums).
 */
export function finishGradient(net: Network, batchSize: number): void {
  const scale = 1 / batchSize;
  const reg = regularizationCode(net);
  const { rate } = net.training.regularization;
  const { gradWeights, gradBiases, weights } = net;
  for (let i = 0; i < gradWeights.length; i++) {
    gradWeights[i] =
      (gradWeights[i] as number) * scale + penaltyGradient(reg, rate, weights[i] as number);
  }
  for (let u = net.inputSize; u < gradBiases.length; u++) {
    gradBiases[u] = (gradBiases[u] as number) * scale;
  }
  const gradParams = net.gradActivationParams;
  for (let p = 0; p < gradParams.length; p++) gradParams[p] = (gradParams[p] as number) * scale;
}

/**
 * Applies the optimizer to every weight and bias from the gradient sums of `batchSize`
 * examples. Returns whether every new parameter is finite.
 */
export function applyOptimizer(net: Network, batchSize: number): boolean {
  const opt = net.training.optimizer;
  const scale = 1 / batchSize;
  const reg = regularizationCode(net);
  const { rate } = net.training.regularization;
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
      scale,
      reg,
      rate,
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
      scale,
      REG_NONE,
      0,
      opt,
      c1,
      c2,
    );
    const paramsFinite =
      net.activationParams.length === 0 ||
      adamUpdate(
        net.activationParams,
        net.gradActivationParams,
        net.moment1ActivationParams,
        net.moment2ActivationParams,
        0,
        scale,
        REG_NONE,
        0,
        opt,
        c1,
        c2,
      );
    net.mixWeightsStale = true;
    return weightsFinite && biasesFinite && paramsFinite;
  }
  const { learningRate: lr, momentum } = opt;
  const { weights, gradWeights, moment1Weights, biases, gradBiases, moment1Biases } = net;
  const weightsFinite = sgdUpdate(
    weights,
    gradWeights,
    moment1Weights,
    0,
    scale,
    reg,
    rate,
    lr,
    momentum,
  );
  const biasesFinite = sgdUpdate(
    biases,
    gradBiases,
    moment1Biases,
    first,
    scale,
    REG_NONE,
    0,
    lr,
    momentum,
  );
  const paramsFinite =
    net.activationParams.length === 0 ||
    sgdUpdate(
      net.activationParams,
      net.gradActivationParams,
      net.moment1ActivationParams,
      0,
      scale,
      REG_NONE,
      0,
      lr,
      momentum,
    );
  net.mixWeightsStale = true;
  return weightsFinite && biasesFinite && paramsFinite;
}

function sgdUpdate(
  params: Float64Array,
  sums: Float64Array,
  velocity: Float64Array,
  from: number,
  scale: number,
  reg: number,
  rate: number,
  lr: number,
  momentum: number,
): boolean {
  if (reg === REG_NONE && momentum === 0) return plainSgdUpdate(params, sums, from, scale, lr);
  let finite = true;
  for (let i = from; i < params.length; i++) {
    const w = params[i] as number;
    const g = (sums[i] as number) * scale + penaltyGradient(reg, rate, w);
    let v = g; // v = 0·v + g = g without momentum: the velocity array is left alone
    if (momentum !== 0) {
      v = momentum * (velocity[i] as number) + g;
      velocity[i] = v;
    }
    const p = w - lr * v;
    params[i] = p;
    if (!Number.isFinite(p)) finite = false;
  }
  return finite;
}

/**
 * SGD without momentum or penalty, the default: p −= lr · (sum · scale), the same arithmetic
 * as the general loop (v = 0·v + g = g) without the velocity array or the penalty. Four
 * entries per iteration, as in `allFinite`; all are read before any is written, so at the end
 * the repeated last entry is updated once (the same value, written again).
 */
function plainSgdUpdate(
  params: Float64Array,
  sums: Float64Array,
  from: number,
  scale: number,
  lr: number,
): boolean {
  const last = params.length - 1;
  let finite = true;
  for (let i0 = from; i0 <= last; i0 += 4) {
    const i1 = Math.min(i0 + 1, last);
    const i2 = Math.min(i0 + 2, last);
    const i3 = Math.min(i0 + 3, last);
    const p0 = (params[i0] as number) - lr * ((sums[i0] as number) * scale);
    const p1 = (params[i1] as number) - lr * ((sums[i1] as number) * scale);
    const p2 = (params[i2] as number) - lr * ((sums[i2] as number) * scale);
    const p3 = (params[i3] as number) - lr * ((sums[i3] as number) * scale);
    params[i0] = p0;
    params[i1] = p1;
    params[i2] = p2;
    params[i3] = p3;
    if (p0 * 0 + p1 * 0 + p2 * 0 + p3 * 0 !== 0) finite = false;
  }
  return finite;
}

function adamUpdate(
  params: Float64Array,
  sums: Float64Array,
  m: Float64Array,
  v: Float64Array,
  from: number,
  scale: number,
  reg: number,
  rate: number,
  opt: { learningRate: number; beta1: number; beta2: number; epsilon: number },
  correction1: number,
  correction2: number,
): boolean {
  const { learningRate, beta1, beta2, epsilon } = opt;
  let finite = true;
  for (let i = from; i < params.length; i++) {
    const w = params[i] as number;
    const g = (sums[i] as number) * scale + penaltyGradient(reg, rate, w);
    const mi = beta1 * (m[i] as number) + (1 - beta1) * g;
    const vi = beta2 * (v[i] as number) + (1 - beta2) * g * g;
    m[i] = mi;
    v[i] = vi;
    const p = w - (learningRate * (mi / correction1)) / (Math.sqrt(vi / correction2) + epsilon);
    params[i] = p;
    if (!Number.isFinite(p)) finite = false;
  }
  return finite;
}
