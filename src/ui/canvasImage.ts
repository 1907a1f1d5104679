/**
 * Heatmaps on canvases: one reusable n×n ImageData per canvas (the canvas sized to match),
 * and the two ways the page paints a frame's unit images onto a canvas. The diagram's squares
 * and the large heatmap both paint through here. Heatmaps repaint many times a second: a
 * fresh ImageData each time would feed the garbage collector megabytes a second and cause the
 * long pauses it brings.
 */
import {
  paintClassImage,
  paintUnitImage,
  type GridImages,
  type UnitColouring,
} from '../viz/unitImage';

/** What a heatmap is painted onto: an HTMLCanvasElement (tests use plain objects). */
export interface HeatmapCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): Pick<CanvasRenderingContext2D, 'putImageData'> | null;
}

const images = new WeakMap<HeatmapCanvas, ImageData>();

/** The canvas's pixel buffer at n×n (resizing the canvas when needed). */
export function imageFor(canvas: HeatmapCanvas, n: number): ImageData {
  if (canvas.width !== n || canvas.height !== n) {
    canvas.width = n;
    canvas.height = n;
  }
  let image = images.get(canvas);
  if (!image || image.width !== n) {
    image = new ImageData(n, n);
    images.set(canvas, image);
  }
  return image;
}

/** Puts the image painted into `imageFor(canvas, …)` on the canvas. */
export function showImage(canvas: HeatmapCanvas, image: ImageData): void {
  canvas.getContext('2d')?.putImageData(image, 0, 0);
}

/**
 * Paints unit `unit` of a frame onto `canvas` (see viz/unitImage.ts `paintUnitImage`).
 * @returns the colour domain painted with, or null for a class probability
 */
export function paintUnitCanvas(
  canvas: HeatmapCanvas,
  frame: GridImages,
  unit: number,
  colouring: UnitColouring,
  discretize: boolean,
): readonly [number, number] | null {
  const image = imageFor(canvas, frame.gridN);
  const domain = paintUnitImage(image, frame, unit, colouring, discretize);
  showImage(canvas, image);
  return domain;
}

/** Paints a softmax output's predicted classes onto `canvas` (see `paintClassImage`). */
export function paintClassCanvas(
  canvas: HeatmapCanvas,
  frame: GridImages,
  firstUnit: number,
  classes: number,
  discretize: boolean,
): void {
  const image = imageFor(canvas, frame.gridN);
  paintClassImage(image, frame, firstUnit, classes, discretize);
  showImage(canvas, image);
}
