/**
 * Gradient flow: the mean |gradient| reaching each hidden layer over the epochs, log scale,
 * one line per layer, so vanishing gradients in a deep stack are plain to see; and the same
 * as a table named "Gradient flow" (a row per layer, its latest value), for screen readers.
 * Paths and cells are set straight from the diagnostics record a few times a second.
 */
import { axisLeft, format, line, scaleLinear, scaleLog, select } from 'd3';
import { useCallback, useRef } from 'react';
import { usePlayground, type FrameHub } from '../../state';
import { useElementSize } from '../useElementSize';
import { positiveDomain, seriesColor, seriesDash, thinIndices } from '../../viz/series';
import { useHubPainter } from '../runtime';
import './diagnostics.css';

const MARGIN = { top: 8, right: 12, bottom: 8, left: 44 };
/** Least milliseconds between two redraws while training runs. */
const REDRAW_INTERVAL_MS = 250;

/** A mean |gradient| in a cell or a tick: three significant digits, exponent when small. */
export function formatGradient(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value === 0) return '0';
  return Math.abs(value) < 0.001 ? value.toExponential(2) : value.toPrecision(3);
}

/**
 * The chart (when `showChart`, in the loss chart's place: see ChartArea.tsx) and, always, the
 * table, visually hidden.
 */
export function GradientFlow({ showChart }: { showChart: boolean }) {
  const layers = usePlayground((s) => s.config.hidden.length);
  const box = useRef<HTMLDivElement>(null);
  const measured = useElementSize(box);
  const WIDTH = Math.max(120, measured.width);
  const HEIGHT = Math.max(60, measured.height);
  const paths = useRef<(SVGPathElement | null)[]>([]);
  const cells = useRef<(HTMLTableCellElement | null)[]>([]);
  const yAxis = useRef<SVGGElement>(null);
  const lastDraw = useRef(-Infinity);

  const draw = useCallback(
    (hub: FrameHub) => {
      const now = performance.now();
      const paused = hub.latestFrame?.running === false;
      if (!paused && now - lastDraw.current < REDRAW_INTERVAL_MS) return;
      lastDraw.current = now;
      const view = hub.diagnostics.gradients();
      const width = view?.width ?? 0;
      const count = view && width === layers ? view.length : 0;
      const values = view?.values ?? new Float64Array(0);
      const epochs = view?.epochs ?? new Float64Array(0);
      const last = count > 0 ? (epochs[count - 1] as number) : 1;
      const x = scaleLinear()
        .domain([epochs[0] ?? 0, Math.max(last, (epochs[0] ?? 0) + 1)])
        .range([MARGIN.left, WIDTH - MARGIN.right]);
      const y = scaleLog()
        .domain(positiveDomain(values.subarray(0, count * layers), 100))
        .range([HEIGHT - MARGIN.bottom, MARGIN.top])
        .clamp(true);
      const shown = thinIndices(count, WIDTH);
      for (let l = 0; l < layers; l++) {
        const at = (i: number) => values[i * layers + l] as number;
        const d =
          line<number>()
            .defined((i) => at(i) > 0 && Number.isFinite(at(i)))
            .x((i) => x(epochs[i] as number))
            .y((i) => y(at(i)))(shown) ?? '';
        paths.current[l]?.setAttribute('d', d);
        const cell = cells.current[l];
        const text = count > 0 ? formatGradient(at(count - 1)) : '–';
        if (cell && cell.textContent !== text) cell.textContent = text;
      }
      if (yAxis.current) {
        const [lo, hi] = y.domain() as [number, number];
        select(yAxis.current).call(
          axisLeft(y).tickValues([lo, hi]).tickFormat(format('.0e')).tickSizeOuter(0),
        );
      }
    },
    [layers, WIDTH, HEIGHT],
  );
  useHubPainter(draw);

  if (layers === 0) return null;
  const names = Array.from({ length: layers }, (_, l) => `Layer ${l + 1}`);
  const table = (
    <table className="visually-hidden">
      <caption>Gradient flow</caption>
      <tbody>
        {names.map((name, l) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td
              ref={(element) => {
                cells.current[l] = element;
              }}
            >
              –
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (!showChart) return <div className="gradient-flow-table">{table}</div>;
  return (
    <figure className="loss-chart gradient-flow">
      <figcaption>
        Mean |gradient| reaching each layer (log scale){' '}
        {names.map((name, l) => (
          <span
            key={name}
            className="flow-key"
            style={{ '--key-colour': seriesColor(l) } as React.CSSProperties}
          >
            {name}
          </span>
        ))}
      </figcaption>
      <div className="loss-chart-box" ref={box}>
        <svg width={WIDTH} height={HEIGHT} aria-hidden="true">
          <g ref={yAxis} transform={`translate(${MARGIN.left}, 0)`} className="chart-axis" />
          {names.map((name, l) => (
            <path
              key={name}
              ref={(element) => {
                paths.current[l] = element;
              }}
              className="flow-line"
              stroke={seriesColor(l)}
              strokeDasharray={seriesDash(l)}
            />
          ))}
        </svg>
      </div>
      {table}
    </figure>
  );
}
