/**
 * Stand-ins for the browser's canvas pieces in painter tests, which run in Node without a
 * DOM: a canvas that counts what is put on it, and an ImageData that counts its constructions.
 */
import type { HeatmapCanvas } from './canvasImage';

/** A canvas that records how many images were put on it. */
export interface FakeCanvas extends HeatmapCanvas {
  readonly puts: number;
}

export function fakeCanvas(): FakeCanvas {
  let puts = 0;
  const context = {
    putImageData: () => {
      puts++;
    },
  };
  return {
    width: 0,
    height: 0,
    getContext: () => context,
    get puts() {
      return puts;
    },
  };
}

/** ImageData as the browser makes it (RGBA bytes), counting the instances made. */
export class CountingImageData {
  static made = 0;
  readonly data: Uint8ClampedArray;
  readonly colorSpace = 'srgb';

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Uint8ClampedArray(width * height * 4);
    CountingImageData.made++;
  }
}
