/** x1 and x2 axes (−6 to 6) around the large heatmap, drawn by d3-axis into a ref'd group. */
import { axisBottom, axisLeft, scaleLinear, select } from 'd3';
import { useEffect, useRef } from 'react';
import { GRID_EXTENT } from '../../nn';

export function Axes({ size }: { size: number }) {
  const bottom = useRef<SVGGElement>(null);
  const left = useRef<SVGGElement>(null);
  useEffect(() => {
    const x = scaleLinear().domain([-GRID_EXTENT, GRID_EXTENT]).range([0, size]);
    const y = scaleLinear().domain([-GRID_EXTENT, GRID_EXTENT]).range([size, 0]);
    if (bottom.current) select(bottom.current).call(axisBottom(x).ticks(5).tickSizeOuter(0));
    if (left.current) select(left.current).call(axisLeft(y).ticks(5).tickSizeOuter(0));
  }, [size]);
  return (
    <svg className="axes" width={size + 30} height={size + 26} aria-hidden="true">
      <g ref={bottom} transform={`translate(28, ${size})`} />
      <g ref={left} transform="translate(28, 0)" />
      <text x={size + 24} y={size + 24} textAnchor="end" className="axis-title">
        x1
      </text>
      <text x={2} y={10} className="axis-title">
        x2
      </text>
    </svg>
  );
}
