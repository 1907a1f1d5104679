/**
 * x1 and x2 axes (−6 to 6) around the large heatmap, drawn by d3-axis into a ref'd group.
 * Each axis's name stands where its +6 label would, at the arrow's end, so that no label
 * sits on another: the y axis leaves out −6 too, which the x axis shows in the corner.
 */
import { axisBottom, axisLeft, scaleLinear, select } from 'd3';
import { useEffect, useRef } from 'react';
import { GRID_EXTENT } from '../../nn';

export function Axes({ size }: { size: number }) {
  const bottom = useRef<SVGGElement>(null);
  const left = useRef<SVGGElement>(null);
  useEffect(() => {
    const x = scaleLinear().domain([-GRID_EXTENT, GRID_EXTENT]).range([0, size]);
    const y = scaleLinear().domain([-GRID_EXTENT, GRID_EXTENT]).range([size, 0]);
    const labelled = (ticks: number[]) => ticks.filter((t) => t < GRID_EXTENT);
    if (bottom.current) {
      const ticks = labelled(x.ticks(5));
      select(bottom.current).call(axisBottom(x).tickValues(ticks).tickSizeOuter(0));
    }
    if (left.current) {
      const ticks = labelled(y.ticks(5)).filter((t) => t > -GRID_EXTENT);
      select(left.current).call(axisLeft(y).tickValues(ticks).tickSizeOuter(0));
    }
  }, [size]);
  return (
    <svg className="axes" width={size + 30} height={size + 26} aria-hidden="true">
      <g ref={bottom} transform={`translate(28, ${size})`} />
      <g ref={left} transform="translate(28, 0)" />
      <text
        x={size + 28}
        y={size + 9}
        dominantBaseline="hanging"
        textAnchor="middle"
        className="axis-title"
      >
        x1
      </text>
      <text x={19} y={0} dominantBaseline="hanging" textAnchor="end" className="axis-title">
        x2
      </text>
    </svg>
  );
}
