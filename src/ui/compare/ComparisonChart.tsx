/**
 * One loss chart carrying both sides: test loss solid, training loss dashed, in each side's
 * colour, and a mark at the epoch where each first reached the target. Drawn from the
 * comparison's hub a few times a second by setting the paths directly, without React.
 */
import { axisBottom, axisLeft, format, line, scaleLinear, scaleLog, select } from 'd3';
import { useCallback, useId, useRef, useState } from 'react';
import { useComparison, type PairHub } from '../../state';
import { formatPercent } from '../../viz/format';
import { positiveDomain, seriesColor, thinIndices } from '../../viz/series';
import { useElementSize } from '../useElementSize';
import { SIDE_LETTERS } from './ComparisonSide';
import { usePairPainter } from './usePairPainter';

const MARGIN = { top: 10, right: 16, bottom: 30, left: 52 };
const REDRAW_INTERVAL_MS = 200;
const SIDES = [0, 1] as const;

export function ComparisonChart() {
  const box = useRef<HTMLDivElement>(null);
  const size = useElementSize(box);
  const width = Math.max(300, size.width);
  const height = Math.max(120, size.height);
  const [logScale, setLogScale] = useState(false);
  const paths = useRef<(SVGPathElement | null)[]>([]);
  const marks = useRef<(SVGGElement | null)[]>([]);
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const lastDraw = useRef(-Infinity);
  const checkId = useId();

  const draw = useCallback(
    (hub: PairHub) => {
      const now = performance.now();
      const frame = hub.latestFrame;
      if (frame?.running && now - lastDraw.current < REDRAW_INTERVAL_MS) return;
      lastDraw.current = now;
      const histories = SIDES.map((i) => hub.lossHistory(i));
      let lastEpoch = 1;
      const values: number[] = [];
      for (const h of histories) {
        if (h.length > 0) lastEpoch = Math.max(lastEpoch, h.epochs[h.length - 1] as number);
        for (let k = 0; k < h.length; k++)
          values.push(h.trainLoss[k] as number, h.testLoss[k] as number);
      }
      const x = scaleLinear()
        .domain([0, lastEpoch])
        .range([MARGIN.left, width - MARGIN.right]);
      const range = [height - MARGIN.bottom, MARGIN.top];
      let max = 0;
      for (const v of values) if (Number.isFinite(v)) max = Math.max(max, v);
      const y = logScale
        ? scaleLog().domain(positiveDomain(values)).range(range).clamp(true)
        : scaleLinear()
            .domain([0, max > 0 ? max : 1])
            .range(range)
            .nice();
      histories.forEach((h, i) => {
        const shown = thinIndices(h.length, 2 * width);
        for (const [k, series] of [h.testLoss, h.trainLoss].entries()) {
          const d =
            line<number>()
              .defined(
                (j) =>
                  Number.isFinite(series[j] as number) && (!logScale || (series[j] as number) > 0),
              )
              .x((j) => x(h.epochs[j] as number))
              .y((j) => y(series[j] as number))(shown) ?? '';
          paths.current[2 * i + k]?.setAttribute('d', d);
        }
        const mark = marks.current[i];
        const reachedAt = frame?.sides[i]?.reachedAt ?? null;
        if (mark) {
          mark.style.display = reachedAt === null ? 'none' : '';
          if (reachedAt !== null) {
            mark.setAttribute('transform', `translate(${x(reachedAt)}, 0)`);
            const label = mark.querySelector('text');
            if (label) label.textContent = `${SIDE_LETTERS[i]} at ${reachedAt}`;
          }
        }
      });
      if (xAxis.current) {
        const ticks = x.ticks(6).filter(Number.isInteger);
        select(xAxis.current).call(axisBottom(x).tickValues(ticks).tickFormat(format('~s')));
      }
      if (yAxis.current) {
        select(yAxis.current).call(
          axisLeft(y)
            .ticks(4, logScale ? '~g' : undefined)
            .tickSizeOuter(0),
        );
      }
    },
    [width, height, logScale],
  );
  usePairPainter(draw);

  return (
    <figure className="cmp-chart">
      <figcaption>
        <span>
          Loss over epochs: test <span className="key key-solid" /> training{' '}
          <span className="key key-dashed" />; a flag where each first reached the target
        </span>
        <label className="check" htmlFor={checkId}>
          <input
            id={checkId}
            type="checkbox"
            checked={logScale}
            onChange={(e) => setLogScale(e.target.checked)}
          />
          Log scale
        </label>
      </figcaption>
      <div className="cmp-chart-box" ref={box}>
        <svg
          width={width}
          height={height}
          role="img"
          aria-label="Test and training loss over epochs of both networks, with the epoch each reached the target"
        >
          <g
            ref={xAxis}
            transform={`translate(0, ${height - MARGIN.bottom})`}
            className="chart-axis"
          />
          <g ref={yAxis} transform={`translate(${MARGIN.left}, 0)`} className="chart-axis" />
          {SIDES.map((i) => (
            <g key={i}>
              <path
                ref={(p) => {
                  paths.current[2 * i] = p;
                }}
                className="cmp-line"
                stroke={seriesColor(i)}
                data-testid={`test-curve-${SIDE_LETTERS[i]}`}
              />
              <path
                ref={(p) => {
                  paths.current[2 * i + 1] = p;
                }}
                className="cmp-line cmp-train"
                stroke={seriesColor(i)}
              />
              <g
                ref={(g) => {
                  marks.current[i] = g;
                }}
                className="target-mark"
                style={{ display: 'none' }}
              >
                <line y1={MARGIN.top} y2={height - MARGIN.bottom} stroke={seriesColor(i)} />
                <text x={4} y={MARGIN.top + 12 + 16 * i} fill={seriesColor(i)}>
                  {SIDE_LETTERS[i]}
                </text>
              </g>
            </g>
          ))}
        </svg>
      </div>
      <Reached />
    </figure>
  );
}

/** The target marks in words. */
function Reached() {
  const readouts = useComparison((s) => s.readouts);
  const target = useComparison((s) => s.target);
  const goal =
    target.metric === 'testLoss'
      ? `a test loss of at most ${target.value}`
      : `${formatPercent(target.value, 0)} test accuracy`;
  const words = SIDES.map((i) => {
    const at = readouts?.[i].reachedAt ?? null;
    return at === null
      ? `${SIDE_LETTERS[i]} has not reached it yet`
      : `${SIDE_LETTERS[i]} reached it at epoch ${at}`;
  });
  return (
    <p className="cmp-reached" data-testid="reached-words">
      Target {goal} (set in the Experiment dialog): {words.join('; ')}.
    </p>
  );
}
