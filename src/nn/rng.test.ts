import { describe, expect, it } from 'vitest';
import { Rng } from './rng';

/** Fisher–Yates through the public draws, as `shuffle` was first written. */
function referenceShuffle(rng: Rng, array: Int32Array): Int32Array {
  for (let i = array.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = array[i] as number;
    array[i] = array[j] as number;
    array[j] = tmp;
  }
  return array;
}

describe('Rng.shuffle', () => {
  it('draws and swaps as Fisher–Yates over `int`, and leaves the stream where it would', () => {
    for (const seed of [0, 1, 3, 0xdeadbeef]) {
      for (const length of [0, 1, 2, 7, 250, 1000]) {
        const fast = new Rng(seed);
        const slow = new Rng(seed);
        const order = Int32Array.from({ length }, (_, i) => i);
        for (let epoch = 0; epoch < 3; epoch++) {
          const expected = referenceShuffle(slow, order.slice());
          fast.shuffle(order);
          expect(Array.from(order)).toEqual(Array.from(expected));
          order.set(expected);
        }
        expect(fast.nextUint32()).toBe(slow.nextUint32());
      }
    }
  });

  it('shuffles plain arrays too', () => {
    const fast = new Rng(5);
    const slow = new Rng(5);
    const values = ['a', 'b', 'c', 'd', 'e'];
    const expected = Array.from(referenceShuffle(slow, Int32Array.from([0, 1, 2, 3, 4])));
    expect(fast.shuffle(values.slice())).toEqual(expected.map((i) => values[i]));
  });
});

describe('Rng state', () => {
  it('is four unsigned 32-bit integers', () => {
    const rng = new Rng(0xdeadbeef);
    for (let i = 0; i < 100; i++) rng.nextUint32();
    const state = rng.getState();
    expect(state).toHaveLength(4);
    for (const word of state) {
      expect(Number.isInteger(word)).toBe(true);
      expect(word).toBeGreaterThanOrEqual(0);
      expect(word).toBeLessThanOrEqual(0xffffffff);
    }
  });

  it('continues bit for bit in another generator, through draws and shuffles', () => {
    for (const seed of [0, 1, 7, 0xffffffff]) {
      const original = new Rng(seed);
      const order = Int32Array.from({ length: 50 }, (_, i) => i);
      original.shuffle(order);
      original.normal();
      const copy = new Rng(12345);
      copy.setState(original.getState());
      const copyOrder = order.slice();
      original.shuffle(order);
      copy.shuffle(copyOrder);
      expect(Array.from(copyOrder)).toEqual(Array.from(order));
      for (let i = 0; i < 20; i++) expect(copy.nextUint32()).toBe(original.nextUint32());
      expect(copy.getState()).toEqual(original.getState());
    }
  });

  it('survives a round trip through JSON', () => {
    const rng = new Rng(3);
    rng.next();
    const copy = new Rng(0);
    copy.setState(JSON.parse(JSON.stringify(rng.getState())) as number[]);
    expect(copy.next()).toBe(rng.next());
  });

  it('refuses what is not a state, and changes nothing then', () => {
    const rng = new Rng(9);
    const before = rng.getState();
    for (const bad of [
      [],
      [1, 2, 3],
      [1, 2, 3, 4, 5],
      [0, 0, 0, 0],
      [1, 2, 3, -1],
      [1, 2, 3, 2 ** 32],
      [1, 2, 3, 0.5],
      [1, 2, 3, NaN],
    ]) {
      expect(() => rng.setState(bad)).toThrow(RangeError);
    }
    expect(rng.getState()).toEqual(before);
  });
});
