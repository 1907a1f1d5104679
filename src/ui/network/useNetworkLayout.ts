/** Where the diagram's nodes and links go, recomputed only when the shape or the box changes. */
import { useMemo, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { FEATURE_IDS, type FeatureId } from '../../data';
import { usePlayground } from '../../state';
import { layoutNetwork, type NetworkLayout } from '../../viz/layout';
import { useElementSize } from '../useElementSize';
import { diagramLinks, type DiagramLink } from './geometry';

/** Side of a layer header's button (px): 24 for a mouse (WCAG 2.5.8), 32 for a finger. */
function headerButtonSize(): number {
  return typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches ? 32 : 24;
}

/** Largest side of a node in the diagram (px). */
const MAX_NODE_SIZE = 64;

/** Room for a layer's caption under its buttons (px). */
const CAPTION_HEIGHT = 18;

/**
 * How the layer headers are drawn for columns `columnGap` px apart with buttons of side
 * `button`: a row of three with "4 neurons" under it when they fit side by side; a row with
 * just the count when only the buttons fit; else the three stacked, so that no button reaches
 * into the next column (a click on one layer's "ƒ" must never hit the next layer's "−").
 */
export function headerLayout(
  columnGap: number,
  button: number,
): { readonly mode: HeaderMode; readonly height: number } {
  const row = 3 * button + 2 * 3 + 8;
  if (columnGap >= Math.max(row, 84)) return { mode: 'row', height: button + CAPTION_HEIGHT + 10 };
  if (columnGap >= row) return { mode: 'compact', height: button + CAPTION_HEIGHT + 10 };
  return { mode: 'stacked', height: 3 * button + 2 * 2 + CAPTION_HEIGHT + 8 };
}

export type HeaderMode = 'row' | 'compact' | 'stacked';

/**
 * Neurons per hidden layer. The same array while the sizes stay, even when an activation
 * changes (a new `config.hidden`): the layout and the links keep their identity then.
 */
export function useLayerSizes(): readonly number[] {
  return usePlayground(useShallow((s) => s.config.hidden.map((layer) => layer.length)));
}

export interface DiagramGeometry {
  /** The diagram box's size (px). */
  readonly size: { readonly width: number; readonly height: number };
  /** Node positions inside the box below the layer headers. */
  readonly layout: NetworkLayout;
  /** Every weight's link, in the engine's weight order. */
  readonly links: readonly DiagramLink[];
  /** How the layer headers are drawn (see headerLayout). */
  readonly headerMode: HeaderMode;
  /** Height reserved above the nodes for the layer headers (px). */
  readonly headerHeight: number;
}

/**
 * The diagram's geometry in the box `diagram`: all seven features as the input column (so any
 * can be switched on), links only from the enabled ones.
 */
export function useNetworkLayout(
  diagram: RefObject<HTMLElement | null>,
  layerSizes: readonly number[],
  features: readonly FeatureId[],
  outputs: number,
): DiagramGeometry {
  const size = useElementSize(diagram);
  const { width, height } = size;
  const button = headerButtonSize();
  // The least gap the columns can have (nodes at most MAX_NODE_SIZE wide): known before the
  // layout, whose height depends on the headers'.
  const columns = layerSizes.length + 2;
  const leastGap = (Math.max(200, width) - MAX_NODE_SIZE) / Math.max(1, columns - 1);
  const header = headerLayout(leastGap, button);
  const layout = useMemo(
    () =>
      layoutNetwork({
        inputs: FEATURE_IDS.length,
        hidden: layerSizes,
        outputs,
        width: Math.max(200, width),
        height: Math.max(160, height - header.height),
        maxNodeSize: MAX_NODE_SIZE,
        align: 'center',
      }),
    [layerSizes, outputs, width, height, header.height],
  );
  const links = useMemo(
    () =>
      diagramLinks(
        layout,
        features.map((id) => FEATURE_IDS.indexOf(id)),
      ),
    [layout, features],
  );
  return { size, layout, links, headerMode: header.mode, headerHeight: header.height };
}
