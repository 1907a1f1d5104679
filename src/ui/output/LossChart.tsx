/**
 * Training and test loss over epochs. d3 computes the scales and the line paths; the paths
 * are set straight on the elements from the frame hub's history, a few times a second,
 * without re-rendering React.
 */
import { axisBottom, axisLeft, format, line, scaleLinear, scaleLog, select } from 'd3';
import { useCallback, useRef } from 'react';
import { playgroundStore, usePlayground, type FrameHub } from '../../state';
import { useHubPainter } from '../runtime';

const WIDTH = 300;
const HEIGHT = 110;
const MARGIN = { top: 8, right: 8, bottom: 20, left: 40 };
/** Least milliseconds between two redraws of the chart. */
const REDRAW_INTERVAL_MS = 200;

/** Loss ticks: plain below 1000 (0.25, not 250m), SI prefixes above (600k, not 600000). */
function lossTick(value: number | { valueOf(): number }): string {
  const v = Number(value);
  return Math.abs(v) >= 1000 ? format('.2~s')(v) : format('.2~g')(v);
}

export function LossChart() {
  const logScale = usePlayground((s) => s.config.logScale);
  const train = useRef<SVGPathElement>(null);
  const test = useRef<SVGPathElement>(null);
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const lastDraw = useRef(-Infinity);
  const empty = useRef<SVGTextElement>(null);

  const draw = useCallback(
    (hub: FrameHub) => {
      const now = performance.now();
      const history = hub.lossHistory();
      const paused = hub.latestFrame?.running === false;
      if (!paused && now - lastDraw.current < REDRAW_INTERVAL_MS) return;
      lastDraw.current = now;
      const count = history.length;
      const started =
        (hub.latestFrame?.epoch ?? 0) > 0 || playgroundStore.getState().divergence !== null;
      if (empty.current) empty.current.style.display = started ? 'none' : '';
      const epochs = history.epochs.subarray(0, count);
      const trainLoss = history.trainLoss.subarray(0, count);
      const testLoss = history.testLoss.subarray(0, count);
      let max = 0;
      let min = Infinity;
      for (let i = 0; i < count; i++) {
        for (const v of [trainLoss[i] as number, testLoss[i] as number]) {
          if (Number.isFinite(v)) {
            max = Math.max(max, v);
            if (v > 0) min = Math.min(min, v);
          }
        }
      }
      const lastEpoch = count > 0 ? (epochs[count - 1] as number) : 1;
      const x = scaleLinear()
        .domain([0, Math.max(1, lastEpoch)])
        .range([MARGIN.left, WIDTH - MARGIN.right]);
      const yRange = [HEIGHT - MARGIN.bottom, MARGIN.top];
      const y = logScale
        ? scaleLog()
            .domain([
              Number.isFinite(min) ? min : 1e-3,
              Math.max(max, Number.isFinite(min) ? min * 10 : 1),
            ])
            .range(yRange)
            .clamp(true)
        : scaleLinear()
            .domain([0, max > 0 ? max : 1])
            .range(yRange)
            .nice();
      // At most about two points per pixel of width: more only costs drawing time.
      const stride = Math.max(1, Math.ceil(count / (2 * (WIDTH - MARGIN.left - MARGIN.right))));
      const shown: number[] = [];
      for (let i = 0; i < count; i += stride) shown.push(i);
      if (count > 0 && shown[shown.length - 1] !== count - 1) shown.push(count - 1);
      const path = (values: Float64Array) =>
        line<number>()
          .defined(
            (i) => Number.isFinite(values[i] as number) && (!logScale || (values[i] as number) > 0),
          )
          .x((i) => x(epochs[i] as number))
          .y((i) => y(values[i] as number))(shown) ?? '';
      train.current?.setAttribute('d', path(trainLoss));
      test.current?.setAttribute('d', path(testLoss));
      // Whole epochs only; SI prefixes keep large losses inside the margin (600k, not 600000).
      const xTicks = x.ticks(Math.min(4, Math.max(1, lastEpoch))).filter(Number.isInteger);
      if (xAxis.current) {
        select(xAxis.current).call(
          axisBottom(x).tickValues(xTicks).tickFormat(format('~s')).tickSizeOuter(0),
        );
      }
      if (yAxis.current) {
        select(yAxis.current).call(
          axisLeft(y)
            .ticks(3)
            .tickFormat(logScale ? format('.0e') : lossTick)
            .tickSizeOuter(0),
        );
      }
    },
    [logScale],
  );
  useHubPainter(
    useCallback(
      (hub: FrameHub) => {
        draw(hub);
      },
      [draw],
    ),
  );

  return (
    <figure className="loss-chart">
      <figcaption>
        Loss over epochs <span className="key key-train">training</span>{' '}
        <span className="key key-test">test</span>
      </figcaption>
      <svg width={WIDTH} height={HEIGHT} role="img" aria-label="Training and test loss over epochs">
        <g
          ref={xAxis}
          transform={`translate(0, ${HEIGHT - MARGIN.bottom})`}
          className="chart-axis"
        />
        <g ref={yAxis} transform={`translate(${MARGIN.left}, 0)`} className="chart-axis" />
        <path ref={test} className="loss-line loss-test" />
        <path ref={train} className="loss-line loss-train" />
        <text ref={empty} x={WIDTH / 2} y={HEIGHT / 2} textAnchor="middle" className="chart-empty">
          Press Play or Step to start training
        </text>
      </svg>
    </figure>
  );
}
