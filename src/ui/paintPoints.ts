/** Draws data points on a canvas whose drawing area shows [-6, 6]² (y up). */
import type { TaskKind } from '../data';
import { GRID_EXTENT } from '../nn';
import { classCss, divergingCssOf, NEGATIVE_CSS, POSITIVE_CSS } from '../viz/colors';

interface PointLike {
  readonly x: number;
  readonly y: number;
  readonly label: number;
}

export interface PointStyle {
  readonly radius: number;
  /** A white (train) or dark (test) ring around each point. */
  readonly outline: boolean | 'test';
  readonly clear?: boolean;
}

/** The colour of a point's label for the task. */
export function pointColor(label: number, kind: TaskKind): string {
  if (kind === 'binary') return label > 0 ? POSITIVE_CSS : NEGATIVE_CSS;
  if (kind === 'multiclass') return classCss(label);
  return divergingCssOf(label, [-1, 1]);
}

/** Paints `points` over the whole canvas (cleared first unless `style.clear` is false). */
export function paintPoints(
  context: CanvasRenderingContext2D,
  points: Iterable<PointLike>,
  kind: TaskKind,
  style: PointStyle,
): void {
  const { width, height } = context.canvas;
  if (style.clear !== false) context.clearRect(0, 0, width, height);
  const sx = width / (2 * GRID_EXTENT);
  const sy = height / (2 * GRID_EXTENT);
  context.lineWidth = 1;
  context.strokeStyle = style.outline === 'test' ? '#1d2a33' : '#ffffff';
  for (const p of points) {
    context.beginPath();
    context.arc((p.x + GRID_EXTENT) * sx, (GRID_EXTENT - p.y) * sy, style.radius, 0, 2 * Math.PI);
    context.fillStyle = pointColor(p.label, kind);
    context.fill();
    if (style.outline) context.stroke();
  }
}

/** Iterates the flat x, y, label triples of a worker point set. */
export function* triples(xyLabel: Float32Array): Generator<PointLike> {
  for (let i = 0; i + 2 < xyLabel.length; i += 3) {
    yield { x: xyLabel[i] as number, y: xyLabel[i + 1] as number, label: xyLabel[i + 2] as number };
  }
}
