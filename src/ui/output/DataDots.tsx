/**
 * The data points over the large heatmap, on a canvas of their own: repainted when the data or
 * the test toggle change, not every frame.
 */
import { useCallback, useEffect, useRef } from 'react';
import { datasetInfo } from '../../data';
import { usePlayground, useView, type DataEvent, type FrameHub } from '../../state';
import { paintPoints, triples } from '../paintPoints';
import { useHubPainter, useRuntime } from '../runtime';

/** Radius of a point (CSS px) on a heatmap of 250 px; larger heatmaps get larger points. */
const POINT_RADIUS = 2.6;

/** The points' canvas, `size` CSS px square, drawn at the device's pixel ratio. */
export function DataDots({ size }: { size: number }) {
  const dots = useRef<HTMLCanvasElement>(null);
  const { hub } = useRuntime();
  const kind = usePlayground((s) => datasetInfo(s.config.dataset).kind);
  const showTest = usePlayground((s) => s.config.showTestData);
  const presentation = useView((flags) => flags.presentation);

  const paintDots = useCallback(
    (frameHub: FrameHub) => {
      const context = dots.current?.getContext('2d');
      const data = frameHub.latestData;
      if (!context || !data) return;
      const ratio = window.devicePixelRatio || 1;
      const side = Math.round(size * ratio);
      if (context.canvas.width !== side) {
        context.canvas.width = side;
        context.canvas.height = side;
      }
      // Larger heatmaps get larger points; a projector larger still.
      const grow = Math.max(1, size / 250) * (presentation ? 1.5 : 1);
      const radius = POINT_RADIUS * ratio * grow;
      const lineWidth = ratio * grow;
      paintPoints(context, triples(data.train.xyLabel), kind, {
        radius,
        outline: true,
        lineWidth,
      });
      if (showTest) {
        paintPoints(context, triples(data.test.xyLabel), kind, {
          radius,
          lineWidth,
          outline: 'test',
          clear: false,
        });
      }
    },
    [kind, showTest, size, presentation],
  );
  // Frames come many times a second; the points change only with a new data set.
  const lastData = useRef<DataEvent | null>(null);
  useHubPainter(
    useCallback(
      (frameHub: FrameHub) => {
        if (frameHub.latestData === lastData.current) return;
        lastData.current = frameHub.latestData;
        paintDots(frameHub);
      },
      [paintDots],
    ),
  );
  useEffect(() => paintDots(hub), [hub, paintDots]);

  return <canvas ref={dots} className="dots" aria-hidden="true" />;
}
