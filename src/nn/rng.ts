/**
 * The one seeded random generator of the project (xoshiro128**, seeded through splitmix32).
 * Data, weights and shuffles all draw from an instance of it, so the same seed gives the same
 * numbers bit for bit: the stream itself is 32-bit integer maths, and uniform floats are built
 * from the integers by exact division. (Normal samples and some data sets go through Math.log,
 * Math.cos or Math.sin, which every current browser computes with the same algorithms, but
 * which the language does not pin down to the last bit.)
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** @param seed any integer; it is reduced to 32 bits. */
  constructor(seed: number) {
    let s = seed >>> 0;
    const next = (): number => {
      // splitmix32: spreads one 32-bit seed over the 128-bit state.
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
  }

  /**
   * The generator's position: its four state words as unsigned 32-bit integers. A generator
   * given them with `setState` continues with exactly the numbers this one would draw next
   * (a restarted worker resumes its shuffles from a checkpoint this way).
   */
  getState(): [number, number, number, number] {
    return [this.a >>> 0, this.b >>> 0, this.c >>> 0, this.d >>> 0];
  }

  /**
   * Moves the generator to a position `getState` returned.
   * @throws RangeError unless four integers from 0 to 2^32 - 1, not all zero (xoshiro's one
   *   dead state, which only ever draws zeros and which no seed reaches)
   */
  setState(state: readonly number[]): void {
    const valid =
      state.length === 4 &&
      state.every((word) => Number.isInteger(word) && word >= 0 && word <= 0xffffffff) &&
      state.some((word) => word !== 0);
    if (!valid) {
      throw new RangeError(
        `an Rng state is four unsigned 32-bit integers, not all zero; got [${state.join(', ')}]`,
      );
    }
    [this.a, this.b, this.c, this.d] = state as [number, number, number, number];
  }

  /** A uniform 32-bit unsigned integer (`shuffle` repeats this step: keep the two in step). */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** A uniform float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** A uniform float in [low, high). */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  /** A uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A standard normal sample (Box–Muller; one draw per call keeps the stream simple). */
  normal(mean = 0, std = 1): number {
    const u = 1 - this.next(); // (0, 1]: log never sees 0
    const v = this.next();
    return mean + std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /**
   * Shuffles `array` in place (Fisher–Yates) and returns it. Each j is `this.int(i + 1)`, with
   * `nextUint32` written out over the state held in locals, why: training shuffles its order
   * every epoch, and with small networks reading and writing the four fields per draw was a
   * measurable part of an epoch.
   */
  shuffle<T extends { length: number; [i: number]: unknown }>(array: T): T {
    let { a, b, c, d } = this;
    for (let i = array.length - 1; i > 0; i--) {
      // nextUint32, on the locals.
      const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
      const t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = rotl(d, 11);
      const j = Math.floor((result / 4294967296) * (i + 1)); // int(i + 1)
      const tmp = array[i];
      array[i] = array[j];
      array[j] = tmp;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    return array;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
