/**
 * The network diagram as a picture for slides, 1600 × 1000 (16:10) on white, in two forms
 * drawn from one scene (diagramScene.ts): a self-contained SVG (inline attributes only, every
 * heatmap embedded as a data: URI, no external reference, so it opens on its own and stays
 * sharp when scaled) and a PNG painted on a canvas.
 *
 * Why the PNG is not the SVG rasterised: drawing an SVG onto a canvas needs an <img> loading a
 * blob: or data: URL, which the page's CSP (img-src 'self') refuses; the canvas draws the same
 * scene with its own calls instead.
 */
import type { DiagramScene, SceneItem } from './diagramScene';

export const DIAGRAM_PICTURE_WIDTH = 1600;
export const DIAGRAM_PICTURE_HEIGHT = 1000;
const MARGIN = 40;

/** Where the scene lands in the picture: scaled to fit within the margins, centred. */
export interface Placement {
  readonly scale: number;
  readonly left: number;
  readonly top: number;
}

export function placeScene(scene: DiagramScene): Placement {
  const room = [DIAGRAM_PICTURE_WIDTH - 2 * MARGIN, DIAGRAM_PICTURE_HEIGHT - 2 * MARGIN] as const;
  const scale = Math.min(room[0] / Math.max(1, scene.width), room[1] / Math.max(1, scene.height));
  return {
    scale,
    left: (DIAGRAM_PICTURE_WIDTH - scene.width * scale) / 2,
    top: (DIAGRAM_PICTURE_HEIGHT - scene.height * scale) / 2,
  };
}

/** Text safe inside an XML attribute or element. */
function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A number for SVG, without float noise. */
function n(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

function svgItem(item: SceneItem): string {
  switch (item.kind) {
    case 'box':
      return (
        `<rect x="${n(item.x)}" y="${n(item.y)}" width="${n(item.width)}" height="${n(item.height)}"` +
        ` rx="${n(item.radius)}" fill="${xml(item.fill)}" stroke="${xml(item.stroke)}"` +
        ` stroke-width="${n(item.strokeWidth)}" opacity="${n(item.opacity)}"/>`
      );
    case 'image':
      return (
        `<image x="${n(item.x)}" y="${n(item.y)}" width="${n(item.width)}" height="${n(item.height)}"` +
        ` preserveAspectRatio="none" opacity="${n(item.opacity)}" href="${xml(item.href)}"/>`
      );
    case 'stroke': {
      const dash = item.dash.length > 0 ? ` stroke-dasharray="${item.dash.map(n).join(' ')}"` : '';
      return (
        `<path d="${xml(item.d)}" transform="matrix(${item.matrix.map(n).join(' ')})"` +
        ` fill="none" stroke="${xml(item.stroke)}" stroke-width="${n(item.strokeWidth)}"` +
        ` stroke-linejoin="round" opacity="${n(item.opacity)}"${dash}/>`
      );
    }
    case 'text':
      return (
        `<text x="${n(item.x)}" y="${n(item.y)}" dominant-baseline="central"` +
        ` font-size="${n(item.size)}" font-family="${xml(item.font)}" fill="${xml(item.color)}">` +
        `${xml(item.text)}</text>`
      );
  }
}

/** The SVG document of `scene`. */
export function diagramSvg(scene: DiagramScene, title: string): string {
  const { scale, left, top } = placeScene(scene);
  const W = DIAGRAM_PICTURE_WIDTH;
  const H = DIAGRAM_PICTURE_HEIGHT;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`,
    `<title>${xml(title)}</title>`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<g transform="translate(${n(left)} ${n(top)}) scale(${n(scale)})">`,
    ...scene.items.map(svgItem),
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}

function roundedRect(context: CanvasRenderingContext2D, item: SceneItem & { kind: 'box' }) {
  context.beginPath();
  context.roundRect(item.x, item.y, item.width, item.height, item.radius);
}

/** Paints `scene` onto `canvas` (resized to the picture's size). */
export function paintDiagramPicture(canvas: HTMLCanvasElement, scene: DiagramScene): void {
  canvas.width = DIAGRAM_PICTURE_WIDTH;
  canvas.height = DIAGRAM_PICTURE_HEIGHT;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw on a canvas');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  const { scale, left, top } = placeScene(scene);
  const base = new DOMMatrix().translate(left, top).scale(scale);
  for (const item of scene.items) {
    context.save();
    context.setTransform(base);
    switch (item.kind) {
      case 'box':
        context.globalAlpha = item.opacity;
        roundedRect(context, item);
        context.fillStyle = item.fill;
        context.fill();
        if (item.strokeWidth > 0 && item.stroke !== 'none') {
          context.strokeStyle = item.stroke;
          context.lineWidth = item.strokeWidth;
          context.stroke();
        }
        break;
      case 'image':
        context.globalAlpha = item.opacity;
        context.drawImage(item.source, item.x, item.y, item.width, item.height);
        break;
      case 'stroke':
        context.globalAlpha = item.opacity;
        context.setTransform(base.multiply(new DOMMatrix([...item.matrix])));
        context.strokeStyle = item.stroke;
        context.lineWidth = item.strokeWidth;
        context.lineJoin = 'round';
        context.setLineDash([...item.dash]);
        context.stroke(new Path2D(item.d));
        break;
      case 'text':
        context.fillStyle = item.color;
        context.font = `${item.size}px ${item.font}`;
        context.textBaseline = 'middle';
        context.fillText(item.text, item.x, item.y);
        break;
    }
    context.restore();
  }
}
