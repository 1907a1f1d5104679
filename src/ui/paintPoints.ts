/** Draws data points on a canvas whose drawing area shows [-6, 6]² (y up). */
import type { TaskKind } from '../data';
import { GRID_EXTENT } from '../nn';
import {
  CLASS_SHAPES,
  classCss,
  divergingCssOf,
  NEGATIVE_CSS,
  POSITIVE_CSS,
  type ClassShape,
} from '../viz/colors';

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
  /** The outline's width (device px); 1 unless given. */
  readonly lineWidth?: number;
}

/** The colour of a point's label for the task. */
export function pointColor(label: number, kind: TaskKind): string {
  if (kind === 'binary') return label > 0 ? POSITIVE_CSS : NEGATIVE_CSS;
  if (kind === 'multiclass') return classCss(label);
  return divergingCssOf(label, [-1, 1]);
}

/** The shape of a point's label for the task: one per class, a circle for regression. */
export function pointShape(label: number, kind: TaskKind): ClassShape {
  if (kind === 'binary') return label > 0 ? 'square' : 'circle';
  if (kind === 'multiclass') return CLASS_SHAPES[Math.round(label)] ?? 'circle';
  return 'circle';
}

/** What traceShape draws into: a canvas context, or d3's path() for an SVG path. */
export type PathSink = Pick<
  CanvasRenderingContext2D,
  'moveTo' | 'lineTo' | 'arc' | 'rect' | 'closePath'
>;

/**
 * Traces `shape` centred on (x, y) with about the area of a circle of radius `r`, so no class
 * looks bigger than another.
 */
export function traceShape(
  context: PathSink,
  shape: ClassShape,
  x: number,
  y: number,
  r: number,
): void {
  const polygon = (points: readonly (readonly [number, number])[]) => {
    points.forEach(([px, py], i) =>
      i === 0 ? context.moveTo(x + px, y + py) : context.lineTo(x + px, y + py),
    );
    context.closePath();
  };
  switch (shape) {
    case 'circle':
      context.arc(x, y, r, 0, 2 * Math.PI);
      return;
    case 'square': {
      const h = r * 0.89;
      context.rect(x - h, y - h, 2 * h, 2 * h);
      return;
    }
    case 'triangle': {
      const t = r * 1.35;
      polygon([
        [0, -t],
        [t * 0.87, t * 0.5],
        [-t * 0.87, t * 0.5],
      ]);
      return;
    }
    case 'triangleDown': {
      const t = r * 1.35;
      polygon([
        [0, t],
        [t * 0.87, -t * 0.5],
        [-t * 0.87, -t * 0.5],
      ]);
      return;
    }
    case 'diamond': {
      const d = r * 1.25;
      polygon([
        [0, -d],
        [d, 0],
        [0, d],
        [-d, 0],
      ]);
      return;
    }
    case 'cross': {
      const a = r * 1.15;
      const b = a / 2.6;
      polygon([
        [-b, -a],
        [b, -a],
        [b, -b],
        [a, -b],
        [a, b],
        [b, b],
        [b, a],
        [-b, a],
        [-b, b],
        [-a, b],
        [-a, -b],
        [-b, -b],
      ]);
      return;
    }
  }
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
  context.lineWidth = style.lineWidth ?? 1;
  context.strokeStyle = style.outline === 'test' ? '#1d2a33' : '#ffffff';
  for (const p of points) {
    context.beginPath();
    const shape = pointShape(p.label, kind);
    traceShape(context, shape, (p.x + GRID_EXTENT) * sx, (GRID_EXTENT - p.y) * sy, style.radius);
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
