/**
 * The large heatmap: the output (or the hovered neuron, on its own colour scale) with the data
 * points, the axes and the legend. Frames are painted by a BigHeatmapPainter outside React.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { datasetInfo } from '../../data';
import { GRID_EXTENT } from '../../nn';
import { usePlayground, type FrameHub } from '../../state';
import { useHubPainter, useRuntime } from '../runtime';
import { useElementSize } from '../useElementSize';
import { Axes } from './Axes';
import { BigHeatmapPainter, NO_LEGEND, type LegendState } from './bigHeatmapPainter';
import { DataDots } from './DataDots';
import { HIDDEN_NOTE, Legend, outputNote } from './Legend';
import { useShownUnit } from './shownUnit';

/** The large heatmap's figure: caption, canvas (test id "output-heatmap"), points, axes, legend. */
export function BigHeatmap() {
  const heat = useRef<HTMLCanvasElement>(null);
  // The side follows the panel (CSS decides it, see .heatmap-frame); points and axes follow it.
  const frame = useRef<HTMLDivElement>(null);
  const side = Math.max(1, useElementSize(frame).width);
  const { hub } = useRuntime();
  const kind = usePlayground((s) => datasetInfo(s.config.dataset).kind);
  const loss = usePlayground((s) => s.config.loss);
  const discretize = usePlayground((s) => s.config.discretize);
  const shown = useShownUnit();
  const [legend, setLegend] = useState<LegendState>(NO_LEGEND);
  // The painter calls setLegend only when the legend changes, never once per frame.
  const [painter] = useState(() => new BigHeatmapPainter(setLegend, NO_LEGEND));

  useLayoutEffect(() => {
    painter.canvas = heat.current;
    painter.view = shown.view;
    painter.expectedUnits = shown.frameUnits;
    painter.discretize = discretize;
    painter.paint(hub.latestFrame); // what is shown changed: repaint the frame that is there
  }, [painter, hub, shown, discretize]);
  useHubPainter(
    useCallback((frameHub: FrameHub) => painter.paint(frameHub.latestFrame), [painter]),
  );

  return (
    <figure className="big-heatmap">
      <figcaption>{shown.caption}</figcaption>
      <div className="heatmap-frame" ref={frame}>
        <canvas
          ref={heat}
          className="heatmap"
          data-testid="output-heatmap"
          role="img"
          aria-label={`${shown.caption}, heatmap over x1 and x2 from ${-GRID_EXTENT} to ${GRID_EXTENT}`}
          style={{ imageRendering: discretize ? 'pixelated' : 'auto' }}
        />
        <DataDots size={side} />
        <Axes size={side} />
      </div>
      <Legend
        legend={legend}
        note={shown.isOutput ? outputNote(kind, loss) : HIDDEN_NOTE}
        binary={
          kind === 'binary'
            ? loss === 'bce'
              ? { low: '0', high: '1' }
              : { low: '−1', high: '+1' }
            : null
        }
      />
    </figure>
  );
}
