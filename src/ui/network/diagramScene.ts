/**
 * The network diagram as a flat scene of boxes, images, strokes and texts, read from what the
 * page shows (the DOM, its computed styles and its canvases), in CSS pixels from the diagram's
 * top left. The two pictures (diagramPicture.ts) draw the same scene: an SVG and a PNG. Read
 * at the moment of the download, so the picture is exactly the diagram on the screen.
 */

/** A rectangle with its fill and border, e.g. a neuron's frame. */
export interface SceneBox {
  readonly kind: 'box';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly fill: string;
  readonly stroke: string;
  readonly strokeWidth: number;
  readonly radius: number;
  readonly opacity: number;
}

/** A canvas's pixels (a heatmap), as a PNG data: URI, stretched over its box. */
export interface SceneImage {
  readonly kind: 'image';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly href: string;
  readonly source: HTMLCanvasElement;
  readonly opacity: number;
}

/** An SVG path (a link, a glyph's curve or axis) under an affine transform a b c d e f. */
export interface SceneStroke {
  readonly kind: 'stroke';
  readonly d: string;
  readonly matrix: readonly [number, number, number, number, number, number];
  readonly stroke: string;
  readonly strokeWidth: number;
  readonly dash: readonly number[];
  readonly opacity: number;
}

/** One line of text, vertically centred on `y`. */
export interface SceneText {
  readonly kind: 'text';
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly size: number;
  readonly color: string;
  readonly font: string;
}

export type SceneItem = SceneBox | SceneImage | SceneStroke | SceneText;

export interface DiagramScene {
  readonly width: number;
  readonly height: number;
  /** In painting order: links, then each node's frame, heatmap, glyph and label. */
  readonly items: readonly SceneItem[];
}

function pixels(value: string): number {
  const number = Number.parseFloat(value);
  return Number.isFinite(number) ? number : 0;
}

/** The product of the opacities of `element` and its ancestors up to `root`. */
function opacityOf(element: Element, root: Element): number {
  let opacity = 1;
  for (let node: Element | null = element; node && node !== root; node = node.parentElement) {
    opacity *= pixels(getComputedStyle(node).opacity || '1');
  }
  return opacity;
}

function visible(element: Element): boolean {
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  return style.display !== 'none' && style.visibility !== 'hidden' && box.width > 0;
}

/** A box for `element` if it paints a background or a border. */
function boxOf(element: Element, origin: DOMRect, root: Element): SceneBox | null {
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  const strokeWidth = pixels(style.borderTopWidth);
  const fill = style.backgroundColor;
  const clear = (colour: string) => colour === 'transparent' || /,\s*0\)$/.test(colour);
  if (clear(fill) && (strokeWidth === 0 || clear(style.borderTopColor))) return null;
  return {
    kind: 'box',
    x: box.left - origin.left,
    y: box.top - origin.top,
    width: box.width,
    height: box.height,
    fill,
    stroke: strokeWidth > 0 ? style.borderTopColor : 'none',
    strokeWidth,
    radius: pixels(style.borderTopLeftRadius),
    opacity: opacityOf(element, root),
  };
}

function strokesOf(svg: SVGSVGElement, origin: DOMRect, root: Element): SceneStroke[] {
  const strokes: SceneStroke[] = [];
  for (const shape of svg.querySelectorAll<SVGGeometryElement>('path, line')) {
    const style = getComputedStyle(shape);
    const strokeWidth = pixels(style.strokeWidth);
    if (style.stroke === 'none' || style.stroke === 'transparent' || strokeWidth === 0) continue;
    if (/,\s*0\)$/.test(style.stroke)) continue; // the links' invisible pointer targets
    const m = shape.getScreenCTM();
    if (!m) continue;
    const d =
      shape instanceof SVGLineElement
        ? `M${shape.x1.baseVal.value} ${shape.y1.baseVal.value}L${shape.x2.baseVal.value} ${shape.y2.baseVal.value}`
        : (shape.getAttribute('d') ?? '');
    if (d === '') continue;
    const dash =
      style.strokeDasharray === 'none' ? [] : style.strokeDasharray.split(/[ ,]+/).map(pixels);
    strokes.push({
      kind: 'stroke',
      d,
      matrix: [m.a, m.b, m.c, m.d, m.e - origin.left, m.f - origin.top],
      stroke: style.stroke,
      strokeWidth,
      dash,
      opacity: opacityOf(shape, root) * pixels(style.strokeOpacity || '1'),
    });
  }
  return strokes;
}

function textOf(element: Element, origin: DOMRect): SceneText | null {
  const text = element.textContent?.trim() ?? '';
  if (text === '') return null;
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  return {
    kind: 'text',
    x: box.left - origin.left + pixels(style.paddingLeft),
    y: box.top - origin.top + box.height / 2,
    text,
    size: pixels(style.fontSize),
    color: style.color,
    font: style.fontFamily,
  };
}

/** Reads the scene of the diagram element `root` (the `.diagram` box). */
export function readDiagramScene(root: HTMLElement): DiagramScene {
  const origin = root.getBoundingClientRect();
  const items: SceneItem[] = [];
  const links = root.querySelector<SVGSVGElement>('svg.links');
  if (links) items.push(...strokesOf(links, origin, root));
  for (const node of root.querySelectorAll<HTMLElement>('.neuron')) {
    if (!visible(node)) continue;
    const frame = boxOf(node, origin, root);
    if (frame) items.push(frame);
    const canvas = node.querySelector<HTMLCanvasElement>('canvas');
    if (canvas && canvas.width > 0) {
      const box = canvas.getBoundingClientRect();
      items.push({
        kind: 'image',
        x: box.left - origin.left,
        y: box.top - origin.top,
        width: box.width,
        height: box.height,
        href: canvas.toDataURL('image/png'),
        source: canvas,
        opacity: opacityOf(canvas, root),
      });
    }
    const glyph = node.querySelector<SVGSVGElement>('svg');
    if (glyph && visible(glyph)) {
      const back = boxOf(glyph, origin, root);
      if (back) items.push(back);
      items.push(...strokesOf(glyph, origin, root));
    }
    const label = node.parentElement?.querySelector('.feature-label');
    if (label && node.classList.contains('feature-node') && visible(label)) {
      const back = boxOf(label, origin, root);
      if (back) items.push(back);
      const text = textOf(label, origin);
      if (text) items.push(text);
    }
  }
  for (const caption of root.querySelectorAll('.layer-caption')) {
    const text = visible(caption) ? textOf(caption, origin) : null;
    if (text) items.push(text);
  }
  return { width: origin.width, height: origin.height, items };
}
