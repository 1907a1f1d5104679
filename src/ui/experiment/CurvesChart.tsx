/**
 * The mean test-loss curve of every variant with its 95% band, and, in a strip to the right,
 * each seed's final test loss as a dot. d3 computes the scales and paths; React draws them.
 */
import { area, axisBottom, axisLeft, format, line, scaleLinear, scaleLog, select } from 'd3';
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { ExperimentSummary } from '../../experiment';
import { positiveDomain, seriesColor, seriesDash, thinIndices } from '../../viz/series';
import { useElementSize } from '../useElementSize';

const HEIGHT = 270;
const MARGIN = { top: 10, right: 12, bottom: 34, left: 56 };
/** Width of the strip of final values at the right of the curves. */
const STRIP = 90;

export function CurvesChart({
  summary,
  logScale,
}: {
  summary: ExperimentSummary;
  logScale: boolean;
}) {
  const box = useRef<HTMLDivElement>(null);
  const { width: boxWidth } = useElementSize(box);
  const width = Math.max(320, boxWidth);
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const epochs = summary.definition.epochs;
  const variants = summary.variants;
  // Many overlapping bands are drawn lighter, so that the lines stay readable.
  const bandOpacity = variants.length > 3 ? 0.1 : 0.16;

  const geometry = useMemo(() => {
    const plotRight = width - MARGIN.right - STRIP;
    // The scale follows the means and the dots, not the bands: with few seeds a 95% interval
    // is wide (t = 4.3 for 3 seeds) and reaches 0 or below, and a scale stretched to hold it
    // would flatten the curves. Bands beyond the plot are cut at its edges (the scales clamp).
    const values: number[] = [];
    for (const v of variants) {
      if (v.curve) values.push(...v.curve.mean);
      for (const dot of v.dots) values.push(dot.testLoss);
    }
    const range = [HEIGHT - MARGIN.bottom, MARGIN.top];
    let maxValue = 0;
    for (const value of values) if (Number.isFinite(value)) maxValue = Math.max(maxValue, value);
    const y = logScale
      ? scaleLog().domain(positiveDomain(values, 3)).range(range).clamp(true).nice()
      : scaleLinear()
          .domain([0, maxValue > 0 ? maxValue : 1])
          .range(range)
          .nice()
          .clamp(true);
    const floor = y.domain()[0] as number;
    const x = scaleLinear()
      .domain([0, Math.max(1, epochs)])
      .range([MARGIN.left, plotRight]);
    const shown = (length: number) => thinIndices(length, 2 * (plotRight - MARGIN.left));
    const curves = variants.map((v) => {
      if (!v.curve) return null;
      const { mean, low, high } = v.curve;
      const indices = shown(mean.length);
      const at = (value: number) => y(logScale ? Math.max(value, floor) : value);
      const band =
        v.curve.n >= 2
          ? (area<number>()
              .x((i) => x(i))
              .y0((i) => at(low[i] as number))
              .y1((i) => at(high[i] as number))(indices) ?? '')
          : '';
      const meanPath =
        line<number>()
          .defined((i) => Number.isFinite(mean[i] as number))
          .x((i) => x(i))
          .y((i) => at(mean[i] as number))(indices) ?? '';
      return { band, meanPath };
    });
    const lane = STRIP / Math.max(1, variants.length);
    const dots = variants.flatMap((v, vi) =>
      v.dots.map((dot, k) => ({
        key: `${vi}-${dot.seed}`,
        variant: vi,
        // Spread a little within the variant's lane so that equal values stay visible.
        cx: plotRight + lane * (vi + 0.5) + (((k * 7) % 5) - 2) * Math.min(3, lane / 8),
        cy: y(logScale ? Math.max(dot.testLoss, floor) : dot.testLoss),
        seed: dot.seed,
        value: dot.testLoss,
      })),
    );
    return { x, y, curves, dots, plotRight };
  }, [variants, epochs, width, logScale]);

  useLayoutEffect(() => {
    const { x, y } = geometry;
    if (xAxis.current) {
      const ticks = x.ticks(6).filter(Number.isInteger);
      select(xAxis.current).call(axisBottom(x).tickValues(ticks).tickFormat(format('~s')));
    }
    if (yAxis.current) {
      select(yAxis.current).call(
        axisLeft(y)
          .ticks(logScale ? 4 : 5, logScale ? '~g' : undefined)
          .tickSizeOuter(0),
      );
    }
  }, [geometry, logScale]);

  return (
    <div className="chart-box" ref={box}>
      <svg
        width={width}
        height={HEIGHT}
        role="img"
        aria-label="Mean test loss over epochs for each variant, with 95% bands; dots: each seed's final test loss"
      >
        <g
          ref={xAxis}
          transform={`translate(0, ${HEIGHT - MARGIN.bottom})`}
          className="chart-axis"
        />
        <g ref={yAxis} transform={`translate(${MARGIN.left}, 0)`} className="chart-axis" />
        <text
          x={(MARGIN.left + geometry.plotRight) / 2}
          y={HEIGHT - 4}
          className="axis-label"
          textAnchor="middle"
        >
          epoch
        </text>
        <text
          transform={`translate(14, ${(HEIGHT - MARGIN.bottom + MARGIN.top) / 2}) rotate(-90)`}
          className="axis-label"
          textAnchor="middle"
        >
          test loss{logScale ? ' (log)' : ''}
        </text>
        <text
          x={geometry.plotRight + STRIP / 2}
          y={HEIGHT - 4}
          className="axis-label"
          textAnchor="middle"
        >
          final, per seed
        </text>
        <line
          x1={geometry.plotRight + 2}
          x2={geometry.plotRight + 2}
          y1={MARGIN.top}
          y2={HEIGHT - MARGIN.bottom}
          className="strip-rule"
        />
        {geometry.curves.map(
          (c, i) =>
            c && (
              <path
                key={`band-${i}`}
                d={c.band}
                className="curve-band"
                fill={seriesColor(i)}
                fillOpacity={bandOpacity}
              />
            ),
        )}
        {geometry.curves.map(
          (c, i) =>
            c && (
              <path
                key={`mean-${i}`}
                d={c.meanPath}
                className="curve-mean"
                stroke={seriesColor(i)}
                strokeDasharray={seriesDash(i)}
              />
            ),
        )}
        {geometry.dots.map((d) => (
          <circle
            key={d.key}
            cx={d.cx}
            cy={d.cy}
            r={3.5}
            className="seed-dot"
            fill={seriesColor(d.variant)}
          >
            <title>{`${variants[d.variant]?.name ?? ''}, seed ${d.seed}: ${d.value}`}</title>
          </circle>
        ))}
      </svg>
    </div>
  );
}

/** A short line in series `index`'s colour and dash, as the charts draw it. */
export function SeriesSwatch({ index }: { index: number }) {
  return (
    <svg className="series-swatch" width="28" height="10" aria-hidden="true">
      <line
        x1="1"
        x2="27"
        y1="5"
        y2="5"
        stroke={seriesColor(index)}
        strokeWidth="3"
        strokeDasharray={seriesDash(index)}
      />
    </svg>
  );
}

/** The key under the charts: each variant's colour and dash. */
export function SeriesKey({ names }: { names: readonly string[] }) {
  return (
    <ul className="series-key" aria-label="Variants on the charts">
      {names.map((name, i) => (
        <li key={i}>
          <SeriesSwatch index={i} />
          {name}
        </li>
      ))}
    </ul>
  );
}
