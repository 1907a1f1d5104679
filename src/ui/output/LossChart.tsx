/**
 * Training and test loss over epochs. d3 computes the scales and the line paths; the paths
 * are set straight on the elements from the frame hub's history, a few times a second,
 * without re-rendering React.
 */
import { axisBottom, axisLeft, format, line, scaleLinear, scaleLog, select } from 'd3';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useElementSize } from '../useElementSize';
import { playgroundStore, usePlayground, type FrameHub } from '../../state';
import { lossExtent, lossTick } from '../../viz/lossScale';
import { useHubPainter, useRuntime } from '../runtime';

const MARGIN = { top: 8, right: 12, bottom: 22, left: 44 };
/** The left margin in axis-label font sizes: room for a label such as "0.049" and its tick. */
const LEFT_MARGIN_EMS = 4;
/** Least milliseconds between two redraws of the chart. */
const REDRAW_INTERVAL_MS = 200;

/**
 * Log-scale ticks: whole powers of ten only, thinned to at most `most` (every second, third,
 * ... decade), or the domain's two ends when fewer than two powers of ten lie in it. d3's own log ticks
 * label every 2, 3, ... 9 of each decade: about 25 overlapping labels over a few decades.
 */
export function logTicks(lo: number, hi: number, most = 4): number[] {
  if (!(lo > 0) || !(hi >= lo)) return [];
  const first = Math.ceil(Math.log10(lo) - 1e-9);
  const last = Math.floor(Math.log10(hi) + 1e-9);
  // Fewer than two powers of ten inside: the two ends say more.
  if (last <= first) return lo === hi ? [lo] : [lo, hi];
  const step = Math.max(1, Math.ceil((last - first + 1) / most));
  const ticks: number[] = [];
  for (let e = first; e <= last; e += step) ticks.push(Number(`1e${e}`));
  return ticks;
}

/** A log-scale tick: 1e-3 for a power of ten, else two digits (0.52). */
function logTick(value: number | { valueOf(): number }): string {
  const v = Number(value);
  return Number.isInteger(Math.log10(v)) ? format('.0e')(v) : format('.2~g')(v);
}

export function LossChart() {
  const logScale = usePlayground((s) => s.config.logScale);
  const train = useRef<SVGPathElement>(null);
  const test = useRef<SVGPathElement>(null);
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const lastDraw = useRef(-Infinity);
  const empty = useRef<SVGTextElement>(null);
  /** A line at the epoch the timeline shows, hidden when live. */
  const viewed = useRef<SVGLineElement>(null);
  const { timeline } = useRuntime();
  const box = useRef<HTMLDivElement>(null);
  const measured = useElementSize(box);
  const width = Math.max(120, measured.width);
  const height = Math.max(60, measured.height);
  // The labels' size follows the page (presentation mode raises it to 20 px and more), and the
  // left margin with it, or the y labels are cut ("0.49" shown as ".49").
  const [axisFontPx, setAxisFontPx] = useState(11);
  useLayoutEffect(() => {
    const g = yAxis.current;
    if (!g) return;
    const px = parseFloat(getComputedStyle(g).fontSize);
    if (Number.isFinite(px) && px > 0) setAxisFontPx(px);
  }, [measured.width, measured.height]);
  const left = Math.max(MARGIN.left, Math.ceil(LEFT_MARGIN_EMS * axisFontPx));

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
      // Robust to a divergence's absurd values (viz/lossScale.ts); NaN when there are none.
      const [low, high] = lossExtent([trainLoss, testLoss], count);
      const max = Number.isFinite(high) ? high : 0;
      const min = Number.isFinite(low) ? low : Infinity;
      const lastEpoch = count > 0 ? (epochs[count - 1] as number) : 1;
      const x = scaleLinear()
        .domain([0, Math.max(1, lastEpoch)])
        .range([left, width - MARGIN.right]);
      const yRange = [height - MARGIN.bottom, MARGIN.top];
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
            .nice()
            // Values above the domain (a divergence's) are drawn at the top edge.
            .clamp(true);
      // At most about two points per pixel of width: more only costs drawing time.
      const stride = Math.max(1, Math.ceil(count / (2 * (width - left - MARGIN.right))));
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
      const viewing = timeline.hub.viewing;
      if (viewed.current) {
        viewed.current.style.display = viewing === null ? 'none' : '';
        const at = String(x(viewing ?? 0));
        viewed.current.setAttribute('x1', at);
        viewed.current.setAttribute('x2', at);
      }
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
        const [lo, hi] = y.domain() as [number, number];
        const axis = axisLeft(y).tickSizeOuter(0);
        if (logScale) axis.tickValues(logTicks(lo, hi)).tickFormat(logTick);
        else axis.ticks(height > 140 ? 5 : 3).tickFormat(lossTick);
        select(yAxis.current).call(axis);
      }
    },
    [logScale, width, height, left, timeline],
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
      <div className="loss-chart-box" ref={box}>
        <svg
          width={width}
          height={height}
          role="img"
          aria-label="Training and test loss over epochs"
        >
          <g
            ref={xAxis}
            transform={`translate(0, ${height - MARGIN.bottom})`}
            className="chart-axis"
          />
          <g ref={yAxis} transform={`translate(${left}, 0)`} className="chart-axis" />
          <line
            ref={viewed}
            className="loss-viewed"
            y1={MARGIN.top}
            y2={height - MARGIN.bottom}
            style={{ display: 'none' }}
          />
          <path ref={test} className="loss-line loss-test" />
          <path ref={train} className="loss-line loss-train" />
          <text
            ref={empty}
            // In the plot's middle on two short lines, clear of the axes' labels when narrow.
            y={(MARGIN.top + height - MARGIN.bottom) / 2}
            textAnchor="middle"
            className="chart-empty"
          >
            <tspan x={(left + width - MARGIN.right) / 2} dy="-0.2em">
              Press Play or Step
            </tspan>
            <tspan x={(left + width - MARGIN.right) / 2} dy="1.2em">
              to start training
            </tspan>
          </text>
        </svg>
      </div>
    </figure>
  );
}
