/**
 * The output heatmap as a picture for slides: the heatmap, its data points and its legend on
 * a white 1600 × 1000 canvas (16:10), painted from what the page shows.
 */
import type { TaskKind } from '../../data';
import { GRID_EXTENT } from '../../nn';
import { classCss, divergingCss } from '../../viz/colors';
import { paintPoints, triples } from '../paintPoints';
import type { LegendState } from './bigHeatmapPainter';

export const PICTURE_WIDTH = 1600;
export const PICTURE_HEIGHT = 1000;
const MAP = 880;
const LEFT = 80;
const TOP = 60;

export interface PictureParts {
  /** The heatmap canvas (grid-sized; scaled up here). */
  readonly heatmap: HTMLCanvasElement;
  readonly discretize: boolean;
  readonly train: Float32Array | null;
  readonly test: Float32Array | null;
  readonly kind: TaskKind;
  readonly caption: string;
  readonly note: string;
  readonly legend: LegendState;
}

/** Paints the picture onto `canvas` (resized to PICTURE_WIDTH × PICTURE_HEIGHT). */
export function paintHeatmapPicture(canvas: HTMLCanvasElement, parts: PictureParts): void {
  canvas.width = PICTURE_WIDTH;
  canvas.height = PICTURE_HEIGHT;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw on a canvas');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, PICTURE_WIDTH, PICTURE_HEIGHT);
  context.imageSmoothingEnabled = !parts.discretize;
  context.drawImage(parts.heatmap, LEFT, TOP, MAP, MAP);

  // The points, on a layer the size of the map so paintPoints' plane fills it.
  const layer = document.createElement('canvas');
  layer.width = MAP;
  layer.height = MAP;
  const dots = layer.getContext('2d');
  if (dots) {
    if (parts.train)
      paintPoints(dots, triples(parts.train), parts.kind, { radius: 7, outline: true });
    if (parts.test) {
      paintPoints(dots, triples(parts.test), parts.kind, {
        radius: 7,
        outline: 'test',
        clear: false,
      });
    }
    context.drawImage(layer, LEFT, TOP);
  }

  context.strokeStyle = '#1d2a33';
  context.lineWidth = 2;
  context.strokeRect(LEFT, TOP, MAP, MAP);
  context.fillStyle = '#1d2a33';
  context.font = '28px sans-serif';
  context.textAlign = 'center';
  for (const tick of [-GRID_EXTENT, 0, GRID_EXTENT]) {
    const at = ((tick + GRID_EXTENT) / (2 * GRID_EXTENT)) * MAP;
    context.fillText(String(tick), LEFT + at, TOP + MAP + 36);
    context.fillText(String(-tick), LEFT - 36, TOP + at + 10);
  }
  paintLegend(context, parts, LEFT + MAP + 80, TOP);
}

function paintLegend(
  context: CanvasRenderingContext2D,
  parts: PictureParts,
  x: number,
  y: number,
): void {
  context.textAlign = 'left';
  context.fillStyle = '#1d2a33';
  context.font = 'bold 40px sans-serif';
  context.fillText(parts.caption, x, y + 40, PICTURE_WIDTH - x - 40);
  context.font = '30px sans-serif';
  const { legend } = parts;
  if (legend.classes > 0) {
    for (let c = 0; c < legend.classes; c++) {
      context.fillStyle = classCss(c);
      context.fillRect(x, y + 100 + c * 56, 40, 40);
      context.fillStyle = '#1d2a33';
      context.fillText(`Class ${c + 1}`, x + 60, y + 132 + c * 56);
    }
    return;
  }
  if (legend.domain) {
    const width = 480;
    for (let i = 0; i < width; i++) {
      context.fillStyle = divergingCss(i / (width - 1));
      context.fillRect(x + i, y + 100, 1, 40);
    }
    context.fillStyle = '#1d2a33';
    const [lo, hi] = legend.domain;
    context.fillText(String(lo), x, y + 180);
    context.textAlign = 'right';
    context.fillText(String(hi), x + width, y + 180);
    context.textAlign = 'left';
  }
  context.fillText(parts.note, x, y + 240, PICTURE_WIDTH - x - 40);
}
