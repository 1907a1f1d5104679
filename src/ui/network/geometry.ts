/**
 * The diagram's links in the engine's weight order when only some input features are on.
 * The diagram shows all seven features (so any can be switched on), but the engine's first
 * weight block has one column per enabled feature: link i of a first-layer neuron starts at
 * the i-th enabled feature's node, wherever that node sits in the column.
 */
import type { LinkGeometry, NetworkLayout, NodeRect } from '../../viz/layout';

export interface DiagramLink extends LinkGeometry {
  /** Engine layer of the link's target (1 = first hidden layer). */
  readonly layer: number;
}

/**
 * Every weight's link.
 * @param layout a layout made with all features as inputs
 * @param enabled positions (in the feature column) of the enabled features, in input order
 */
export function diagramLinks(layout: NetworkLayout, enabled: readonly number[]): DiagramLink[] {
  const links: DiagramLink[] = [];
  const inputs = enabled.map((position) => layout.layers[0]?.[position]);
  const columns: (readonly (NodeRect | undefined)[])[] = [inputs, ...layout.layers.slice(1)];
  let weightIndex = 0;
  for (let k = 1; k < columns.length; k++) {
    const below = columns[k - 1] as readonly (NodeRect | undefined)[];
    const column = columns[k] as readonly (NodeRect | undefined)[];
    column.forEach((target, to) => {
      below.forEach((source, from) => {
        if (source && target) {
          links.push({
            layer: k,
            from,
            to,
            weightIndex,
            source: [source.x + source.size, source.y + source.size / 2],
            target: [target.x, target.y + target.size / 2],
          });
        }
        weightIndex++;
      });
    });
  }
  return links;
}
