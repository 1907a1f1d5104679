/** Where the diagram's nodes and links go, recomputed only when the shape or the box changes. */
import { useMemo, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { FEATURE_IDS, type FeatureId } from '../../data';
import { usePlayground } from '../../state';
import { layoutNetwork, type NetworkLayout } from '../../viz/layout';
import { useElementSize } from '../useElementSize';
import { diagramLinks, type DiagramLink } from './geometry';

/** Height reserved above the diagram for the per-layer buttons (px). */
export const LAYER_HEADER_HEIGHT = 52;

/** Columns closer than this (px) get the compact layer header: the three buttons are as wide. */
const COMPACT_COLUMN_GAP = 90;

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
  /** True when the layer headers must be compact (see COMPACT_COLUMN_GAP). */
  readonly compactHeaders: boolean;
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
  const layout = useMemo(
    () =>
      layoutNetwork({
        inputs: FEATURE_IDS.length,
        hidden: layerSizes,
        outputs,
        width: Math.max(200, width),
        height: Math.max(160, height - LAYER_HEADER_HEIGHT),
        maxNodeSize: 64,
        align: 'center',
      }),
    [layerSizes, outputs, width, height],
  );
  const links = useMemo(
    () =>
      diagramLinks(
        layout,
        features.map((id) => FEATURE_IDS.indexOf(id)),
      ),
    [layout, features],
  );
  const columnGap = (layout.columnX[2] ?? Infinity) - (layout.columnX[1] ?? 0);
  return { size, layout, links, compactHeaders: columnGap < COMPACT_COLUMN_GAP };
}
