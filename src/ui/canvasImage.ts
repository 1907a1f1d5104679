/**
 * One reusable n×n ImageData per canvas, and the canvas sized to match. Heatmaps repaint many
 * times a second: a fresh ImageData each time would feed the garbage collector megabytes a
 * second and cause the long pauses it brings.
 */
const images = new WeakMap<HTMLCanvasElement, ImageData>();

/** The canvas's pixel buffer at n×n (resizing the canvas when needed). */
export function imageFor(canvas: HTMLCanvasElement, n: number): ImageData {
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
export function showImage(canvas: HTMLCanvasElement, image: ImageData): void {
  canvas.getContext('2d')?.putImageData(image, 0, 0);
}
