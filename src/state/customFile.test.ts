/** The custom activation f(x) in network files: carried, continued, refused when bad. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type PlaygroundConfig } from '../config';
import { makeNetworkFile, readNetworkFile, writeNetworkFile } from './networkFile';
import { trainer } from './testTrainer';

const CUSTOM: PlaygroundConfig = {
  ...DEFAULT_CONFIG,
  hidden: [
    ['custom', 'tanh', 'custom'],
    ['relu', 'custom'],
  ],
  customActivation: 'max(0, x) + 0.1 * sin(3 * x)',
};
const CURVE = { epochs: [0], trainLoss: [0.5], testLoss: [0.6] };

describe('the custom activation in a network file', () => {
  it('travels with the network and continues bit for bit', () => {
    const original = trainer();
    original.build(CUSTOM);
    original.step(4);
    const text = writeNetworkFile(makeNetworkFile(CUSTOM, original.checkpoint(), null, CURVE));
    original.step(3);
    const read = readNetworkFile(text);
    if (!read.ok) throw new Error(read.message);
    expect(read.file.config.customActivation).toBe('max(0, x) + 0.1 * sin(3 * x)');
    const opened = trainer();
    opened.build(read.file.config);
    opened.restore(read.file.state);
    opened.step(3);
    expect(opened.lastFrame().trainLoss).toBe(original.lastFrame().trainLoss);
    expect(opened.checkpoint()).toStrictEqual(original.checkpoint());
  });

  it('is refused with a message naming the file and the expression when bad', () => {
    const t = trainer();
    t.build(CUSTOM);
    const file = makeNetworkFile(CUSTOM, t.checkpoint(), null, CURVE);
    const bad = { ...file, config: { ...file.config, customActivation: 'sqrt(x)' } };
    const read = readNetworkFile(writeNetworkFile(bad));
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.message).toMatch(/file/);
      expect(read.message).toMatch(/The expression sqrt\(x\) is not finite at x = -6/);
    }
  });

  it('gives a file saved before f(x) existed the default expression', () => {
    const t = trainer();
    t.build(DEFAULT_CONFIG);
    const file = makeNetworkFile(DEFAULT_CONFIG, t.checkpoint(), null, CURVE);
    const older: Partial<Record<keyof PlaygroundConfig, unknown>> = { ...file.config };
    delete older.customActivation;
    const read = readNetworkFile(writeNetworkFile({ ...file, config: older as PlaygroundConfig }));
    if (!read.ok) throw new Error(read.message);
    expect(read.file.config).toEqual(DEFAULT_CONFIG);
  });
});
