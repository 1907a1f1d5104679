import { describe, expect, it } from 'vitest';
import {
  CURVE_POINTS,
  HEALTH_DEAD,
  HEALTH_OK,
  HEALTH_SATURATED,
  HISTOGRAM_BINS,
  diagnoseNetwork,
  healthState,
  referenceSlope,
} from './health';
import { ACTIVATION_CODES, type ActivationId } from './activations';
import { Network } from './network';
import type { Examples } from './train';
import type { OutputActivation, LossId } from './outputHeads';

/** Examples x in [-1, 1] (one input), `count` of them, targets 0. */
function line(count: number): Examples {
  const inputs = new Float64Array(count);
  for (let n = 0; n < count; n++) inputs[n] = -1 + (2 * n) / (count - 1);
  return { inputs, targets: new Float64Array(count), count };
}

/**
 * One input, one hidden neuron of `activation` with weight `w` and bias `b`, into one output
 * with weight `v` and bias `c`.
 */
function tiny(
  activation: ActivationId,
  [w, b]: [number, number],
  [v, c]: [number, number] = [1, 0],
  output: { activation: OutputActivation; loss: LossId } = { activation: 'tanh', loss: 'mse' },
): Network {
  const net = new Network({ inputSize: 1, hidden: [[activation]], output: { size: 1, ...output } });
  net.weights[0] = w;
  net.biases[1] = b;
  net.weights[1] = v;
  net.biases[2] = c;
  return net;
}

describe('diagnoseNetwork', () => {
  it('calls a ReLU whose inputs all fall left of zero dead', () => {
    // pre = x − 3 lies in [-4, -2] for every example.
    const health = diagnoseNetwork(tiny('relu', [1, -3]), line(101));
    expect(health.deadShare[0]).toBe(1);
    expect(health.state[0]).toBe(HEALTH_DEAD);
    expect(health.low[0]).toBeCloseTo(-4);
    expect(health.high[0]).toBeCloseTo(-2);
  });

  it('leaves a ReLU with inputs either side of zero healthy', () => {
    const health = diagnoseNetwork(tiny('relu', [1, 0]), line(101));
    expect(health.state[0]).toBe(HEALTH_OK);
    expect(health.flatShare[0]).toBeCloseTo(0.5, 1);
  });

  it('never calls a Linear neuron dead or saturated, however far out its inputs are', () => {
    for (const bias of [-1000, 0, 1000]) {
      const health = diagnoseNetwork(tiny('linear', [1, bias], [1e-6, 0]), line(51));
      expect(health.state[0]).toBe(HEALTH_OK);
      expect(health.deadShare[0]).toBe(0);
    }
  });

  it('calls a sigmoid whose inputs sit far out on its tail saturated, with the curve flat there', () => {
    const health = diagnoseNetwork(tiny('sigmoid', [1, 8]), line(51));
    expect(health.flatShare[0]).toBe(1);
    expect(health.state[0]).toBe(HEALTH_SATURATED);
    const flat = health.curveFlat.subarray(0, CURVE_POINTS);
    expect([...flat].every((f) => f === 1)).toBe(true);
  });

  it('badges a saturated output, not the Square and Linear neurons feeding it', () => {
    // The output's logit is 100·square(x+2) + 50: tanh is flat there for every example.
    for (const activation of ['square', 'linear'] as const) {
      const net = tiny(activation, [1, 2], [100, 50]);
      const health = diagnoseNetwork(net, line(101));
      expect(health.units).toBe(2);
      expect(health.state[1]).toBe(HEALTH_SATURATED);
      expect(health.flatShare[1]).toBe(1);
      expect(health.state[0]).toBe(HEALTH_OK);
    }
  });

  it('counts every example once in the histogram, and draws the curve over the span', () => {
    const health = diagnoseNetwork(tiny('tanh', [2, 0]), line(77));
    const counts = [...health.histogram.subarray(0, HISTOGRAM_BINS)];
    expect(counts.reduce((a, b) => a + b, 0)).toBe(77);
    // tanh over about [-2.1, 2.1]: rising from about -0.97 to 0.97.
    expect(health.curve[0]).toBeCloseTo(Math.tanh(-2.1), 2);
    expect(health.curve[CURVE_POINTS - 1]).toBeCloseTo(Math.tanh(2.1), 2);
  });

  it('gives NaN spans and no state for no examples', () => {
    const empty: Examples = { inputs: new Float64Array(0), targets: new Float64Array(0), count: 0 };
    const health = diagnoseNetwork(tiny('relu', [1, 0]), empty);
    expect(health.low[0]).toBeNaN();
    expect(health.state[0]).toBe(HEALTH_OK);
  });
});

describe('the rules', () => {
  it('puts dead before saturated, and never calls an output dead', () => {
    expect(healthState(1, 1)).toBe(HEALTH_DEAD);
    expect(healthState(0.98, 0.95)).toBe(HEALTH_SATURATED);
    expect(healthState(1, 1, true)).toBe(HEALTH_SATURATED);
    expect(healthState(0.5, 0.5)).toBe(HEALTH_OK);
  });

  it('takes the reference slope of each activation over [-3, 3]', () => {
    expect(referenceSlope(ACTIVATION_CODES.tanh)).toBeCloseTo(1, 3);
    expect(referenceSlope(ACTIVATION_CODES.sigmoid)).toBeCloseTo(0.25, 3);
    expect(referenceSlope(ACTIVATION_CODES.square)).toBeCloseTo(6, 3);
  });
});
