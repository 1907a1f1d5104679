/**
 * The large heatmap: the output (or the hovered neuron, on its own colour scale) with the data
 * points, the axes and the legend. Frames are painted by a BigHeatmapPainter outside React.
 */
import { useCallback, useLayoutEffect, useRef, useState, type MouseEvent } from 'react';
import { datasetInfo } from '../../data';
import { GRID_EXTENT } from '../../nn';
import { playgroundActions, playgroundStore, usePlayground, type FrameHub } from '../../state';
import { useHubPainter, useRuntime } from '../runtime';
import { useElementSize } from '../useElementSize';
import { LearnedHoverValue } from '../learned/LearnedValueText';
import { Axes } from './Axes';
import { BigHeatmapPainter, NO_LEGEND, type LegendState } from './bigHeatmapPainter';
import { DataDots } from './DataDots';
import { HIDDEN_NOTE, Legend, outputNote } from './Legend';
import { NeuronCurve } from '../diagnostics/NeuronCurve';
import { useShownUnit } from './shownUnit';
import { downloadBlob } from '../download';
import { paintHeatmapPicture } from './heatmapPicture';

/**
 * Draw data: a click adds a point of the drawing label where it was made, a shift-click (or a
 * click in remove mode) removes the nearest point.
 */
function drawAt(event: MouseEvent<HTMLDivElement>): void {
  const box = event.currentTarget.getBoundingClientRect();
  const x = -GRID_EXTENT + (2 * GRID_EXTENT * (event.clientX - box.left)) / box.width;
  const y = GRID_EXTENT - (2 * GRID_EXTENT * (event.clientY - box.top)) / box.height;
  if (Math.abs(x) > GRID_EXTENT || Math.abs(y) > GRID_EXTENT) return;
  if (event.shiftKey || playgroundStore.getState().drawing.removing) {
    playgroundActions.removeOwnPointNear(x, y);
  } else {
    playgroundActions.addOwnPoint(x, y);
  }
}

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
  const drawing = usePlayground((s) => s.drawing.active);
  const showTest = usePlayground((s) => s.config.showTestData);
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

  const note = shown.isOutput ? outputNote(kind, loss) : HIDDEN_NOTE;

  /** The heatmap with its points and legend as a 1600 × 1000 PNG, for slides. */
  function downloadPicture() {
    const canvas = document.createElement('canvas');
    const heatmap = heat.current;
    if (!heatmap) return;
    const data = hub.latestData;
    paintHeatmapPicture(canvas, {
      heatmap,
      discretize,
      train: data?.train.xyLabel ?? null,
      test: showTest ? (data?.test.xyLabel ?? null) : null,
      kind,
      caption: shown.caption,
      note,
      legend,
    });
    canvas.toBlob((blob) => {
      if (blob) downloadBlob('activation-playground-output.png', blob);
    }, 'image/png');
  }

  return (
    <figure className="big-heatmap">
      <figcaption>{shown.caption}</figcaption>
      <div
        className="heatmap-frame"
        ref={frame}
        data-drawing={drawing || undefined}
        onClick={drawing ? drawAt : undefined}
      >
        <canvas
          ref={heat}
          className="heatmap"
          data-testid="output-heatmap"
          role="img"
          aria-label={`${shown.caption}, heatmap over x1 and x2 from ${-GRID_EXTENT} to ${GRID_EXTENT}`}
          style={{ imageRendering: discretize ? 'pixelated' : 'auto' }}
        />
        <LearnedHoverValue />
        <DataDots size={side} />
        <Axes size={side} />
        {!shown.isOutput && shown.view.kind === 'unit' && (
          <div className="big-heatmap-curve">
            <NeuronCurve unit={shown.view.unit} width={Math.round(side * 0.45)} height={44} />
          </div>
        )}
      </div>
      <Legend
        legend={legend}
        note={note}
        binary={
          kind === 'binary'
            ? loss === 'bce'
              ? { low: '0', high: '1' }
              : { low: '−1', high: '+1' }
            : null
        }
      />
      <button type="button" className="text-button heatmap-download" onClick={downloadPicture}>
        Download PNG
      </button>
    </figure>
  );
}
