/**
 * The links behind the nodes: for every weight a visible path (coloured and sized from frames
 * by the painter) and a wide transparent one on top that takes the pointer.
 */
import { memo, useCallback } from 'react';
import { linkPath } from '../../viz/layout';
import type { DiagramLink } from './geometry';
import type { NetworkPainter } from './networkPainter';

interface LinkHandlers {
  /** The pointer entered or moved over a link. */
  onPointAt: (link: DiagramLink, event: React.PointerEvent) => void;
  onLeave: () => void;
  /** A link was clicked: edit its weight. */
  onEdit: (link: DiagramLink) => void;
}

export interface LinksLayerProps extends LinkHandlers {
  links: readonly DiagramLink[];
  width: number;
  height: number;
  /** Height above the layout's box taken by the layer headers (px). */
  top: number;
  painter: NetworkPainter;
}

/** The links' SVG under the nodes; each visible path registers itself with `painter`. */
export const LinksLayer = memo(function LinksLayer({
  links,
  width,
  height,
  top,
  painter,
  ...handlers
}: LinksLayerProps) {
  return (
    <svg className="links" width={width} height={height} aria-hidden="true">
      <g transform={`translate(0, ${top})`}>
        {links.map((link) => (
          <Link key={link.weightIndex} link={link} painter={painter} {...handlers} />
        ))}
      </g>
    </svg>
  );
});

const Link = memo(function Link({
  link,
  painter,
  onPointAt,
  onLeave,
  onEdit,
}: LinkHandlers & { link: DiagramLink; painter: NetworkPainter }) {
  const { weightIndex } = link;
  const register = useCallback(
    (path: SVGPathElement) => {
      painter.registerLink({ path, weightIndex });
      return () => {
        painter.links.delete(weightIndex);
      };
    },
    [painter, weightIndex],
  );
  const d = linkPath(link);
  return (
    <g>
      <path ref={register} d={d} className="link" />
      <path
        d={d}
        className="link-hit"
        onPointerEnter={(event) => onPointAt(link, event)}
        onPointerMove={(event) => onPointAt(link, event)}
        onPointerLeave={onLeave}
        onClick={() => onEdit(link)}
      />
    </g>
  );
});
