import { describe, expect, it } from 'vitest';
import { Network, diagnoseNetwork, type Examples } from '../../nn';
import { gradientBarPercent } from '../network/healthPainter';
import { curvePaths } from './curvePaths';
import { formatGradient } from './GradientFlow';

function reluNetwork(bias: number): Network {
  const net = new Network({
    inputSize: 1,
    hidden: [['relu']],
    output: { size: 1, activation: 'tanh', loss: 'mse' },
  });
  net.weights[0] = 1;
  net.biases[1] = bias;
  net.weights[1] = 1;
  return net;
}

const examples: Examples = {
  inputs: Float64Array.from({ length: 41 }, (_, i) => -1 + i / 20),
  targets: new Float64Array(41),
  count: 41,
};

describe('curvePaths', () => {
  it('shades the flat half of a ReLU whose inputs straddle zero and marks zero', () => {
    const paths = curvePaths(diagnoseNetwork(reluNetwork(0), examples), 0, 200, 40);
    expect(paths?.flatShare).toBeCloseTo(0.51, 2);
    expect(paths?.flat).toMatch(/^M0\.0,0H\d/);
    expect(paths?.zero).toBe('M100.0,0V40');
    expect(paths?.bars.match(/M/g)?.length).toBeGreaterThan(10);
    expect(paths?.curve.startsWith('M0,')).toBe(true);
  });

  it('shades the whole span of a dead ReLU and leaves zero out when it is off the span', () => {
    const paths = curvePaths(diagnoseNetwork(reluNetwork(-5), examples), 0, 200, 40);
    expect(paths?.flatShare).toBe(1);
    expect(paths?.flat).toBe('M0.0,0H200.0V40H0.0Z');
    expect(paths?.zero).toBe('');
  });
});

describe('readable figures', () => {
  it('maps a mean |gradient| onto a bar from 1e-6 to 1, in steps of 5%', () => {
    expect(gradientBarPercent(1)).toBe(100);
    expect(gradientBarPercent(1e-3)).toBe(50);
    expect(gradientBarPercent(1e-9)).toBe(0);
    expect(gradientBarPercent(0)).toBe(0);
    expect(gradientBarPercent(NaN)).toBe(0);
  });

  it('writes gradients as numbers a table cell can be read back from', () => {
    expect(formatGradient(0.0123)).toBe('0.0123');
    expect(formatGradient(3.4e-5)).toBe('3.40e-5');
    expect(Number(formatGradient(3.4e-5))).toBeCloseTo(3.4e-5);
    expect(formatGradient(NaN)).toBe('–');
  });
});
