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
