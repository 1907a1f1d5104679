/** A sweep's result: final test loss against p, the mean with its 95% interval as error bars. */
import { axisBottom, axisLeft, format, line, scaleLinear, select } from 'd3';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { activationInfo } from '../../nn';
import type { Sweep, SweepPoint } from '../../experiment';

const WIDTH = 420;
const HEIGHT = 250;
const MARGIN = { top: 12, right: 16, bottom: 40, left: 56 };

export function SweepChart({ points, sweep }: { points: readonly SweepPoint[]; sweep: Sweep }) {
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const y = activationInfo(sweep.y).label;
  const x = activationInfo(sweep.x).label;

  const geometry = useMemo(() => {
    let max = 0;
    for (const point of points) {
      const s = point.spread;
      if (!s) continue;
      for (const v of [s.mean, s.ciHigh]) if (Number.isFinite(v)) max = Math.max(max, v);
    }
    const xScale = scaleLinear()
      .domain([-0.05, 1.05])
      .range([MARGIN.left, WIDTH - MARGIN.right]);
    const yScale = scaleLinear()
      .domain([0, max > 0 ? max * 1.05 : 1])
      .range([HEIGHT - MARGIN.bottom, MARGIN.top])
      .nice();
    const shown = points.filter((p) => p.spread !== null);
    const path =
      line<SweepPoint>()
        .x((p) => xScale(p.p))
        .y((p) => yScale(p.spread?.mean ?? 0))(shown) ?? '';
    const marks = shown.map((p) => {
      const s = p.spread as NonNullable<SweepPoint['spread']>;
      const bar = s.n >= 2 ? { y1: yScale(Math.max(0, s.ciLow)), y2: yScale(s.ciHigh) } : null;
      return { p: p.p, cx: xScale(p.p), cy: yScale(s.mean), bar, mean: s.mean, n: s.n };
    });
    return { xScale, yScale, path, marks };
  }, [points]);

  useLayoutEffect(() => {
    if (xAxis.current) {
      select(xAxis.current).call(
        axisBottom(geometry.xScale)
          .tickValues(points.map((p) => p.p))
          .tickFormat(format('~g')),
      );
    }
    if (yAxis.current)
      select(yAxis.current).call(axisLeft(geometry.yScale).ticks(5).tickSizeOuter(0));
  }, [geometry, points]);

  return (
    <figure className="sweep-chart">
      <figcaption>
        Final test loss against p, the share of {y} neurons in each layer (the rest {x}); bars: 95%
        CI of the mean
      </figcaption>
      <svg
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={`Final test loss against the share p of ${y} neurons, with 95% intervals`}
      >
        <g
          ref={xAxis}
          transform={`translate(0, ${HEIGHT - MARGIN.bottom})`}
          className="chart-axis"
        />
        <g ref={yAxis} transform={`translate(${MARGIN.left}, 0)`} className="chart-axis" />
        <text
          x={(MARGIN.left + WIDTH - MARGIN.right) / 2}
          y={HEIGHT - 6}
          className="axis-label"
          textAnchor="middle"
        >
          p
        </text>
        <text
          transform={`translate(14, ${(HEIGHT - MARGIN.bottom + MARGIN.top) / 2}) rotate(-90)`}
          className="axis-label"
          textAnchor="middle"
        >
          final test loss
        </text>
        <path d={geometry.path} className="sweep-line" />
        {geometry.marks.map((m) => (
          <g key={m.p}>
            {m.bar && (
              <>
                <line x1={m.cx} x2={m.cx} y1={m.bar.y1} y2={m.bar.y2} className="error-bar" />
                <line
                  x1={m.cx - 5}
                  x2={m.cx + 5}
                  y1={m.bar.y1}
                  y2={m.bar.y1}
                  className="error-bar"
                />
                <line
                  x1={m.cx - 5}
                  x2={m.cx + 5}
                  y1={m.bar.y2}
                  y2={m.bar.y2}
                  className="error-bar"
                />
              </>
            )}
            <circle cx={m.cx} cy={m.cy} r={4.5} className="sweep-dot">
              <title>{`p = ${m.p}: mean ${m.mean} over ${m.n} seeds`}</title>
            </circle>
          </g>
        ))}
      </svg>
    </figure>
  );
}
