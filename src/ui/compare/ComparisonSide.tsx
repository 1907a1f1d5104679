/**
 * One side of the comparison: its rule, its numbers, its output heatmap with the data, and a
 * small heatmap per hidden neuron (outlined where its activation differs from the other
 * side's). Heatmaps are painted from the comparison's frames outside React.
 */
import { useCallback, useId, useMemo, useRef } from 'react';
import { datasetInfo } from '../../data';
import { activationInfo, GRID_EXTENT, type ActivationId } from '../../nn';
import { comparisonController, sideName, useComparison, type PairHub } from '../../state';
import { formatLoss, formatPercent } from '../../viz/format';
import { seriesColor } from '../../viz/series';
import { ActivationGlyph } from '../ActivationGlyph';
import { paintPoints, triples } from '../paintPoints';
import { RulePicker } from '../RulePicker';
import {
  frameUnitsOf,
  hiddenViewOf,
  outputViewOf,
  paintView,
  type HeatmapView,
} from '../unitViews';
import { useElementSize } from '../useElementSize';
import { usePairPainter } from './usePairPainter';

export const SIDE_LETTERS = ['A', 'B'] as const;

const NEURON_GAP = 4;
const LAYER_GAP = 10;

export function ComparisonSide({ index }: { index: 0 | 1 }) {
  const side = useComparison((s) => s.sides[index]);
  const headingId = useId();
  const letter = SIDE_LETTERS[index];
  return (
    <section
      className="cmp-side"
      aria-labelledby={headingId}
      style={{ borderTopColor: seriesColor(index) }}
    >
      <h3 id={headingId}>
        <span className="cmp-letter" style={{ background: seriesColor(index) }} aria-hidden="true">
          {letter}
        </span>{' '}
        {letter}: {sideName(side)}
      </h3>
      <SideChooser index={index} />
      <SideReadouts index={index} />
      <SideVisuals index={index} name={`${letter}: ${sideName(side)}`} />
    </section>
  );
}

function SideChooser({ index }: { index: 0 | 1 }) {
  const side = useComparison((s) => s.sides[index]);
  const layers = useComparison((s) => s.configs[index].hidden.length);
  const fallbackX = useComparison((s) => s.configs[index].defaultActivation);
  const scopeId = useId();
  return (
    <div className="cmp-chooser" role="group" aria-label={`Rule of ${SIDE_LETTERS[index]}`}>
      <div className="field">
        <label htmlFor={scopeId}>Where</label>
        <select
          id={scopeId}
          value={side.layer === null ? 'all' : String(side.layer)}
          onChange={(e) =>
            comparisonController.setSide(index, {
              ...side,
              name: '',
              layer: e.target.value === 'all' ? null : Number(e.target.value),
            })
          }
        >
          <option value="all">Whole network</option>
          {Array.from({ length: layers }, (_, l) => (
            <option key={l} value={String(l + 1)}>
              Layer {l + 1}
            </option>
          ))}
        </select>
      </div>
      <RulePicker
        rule={side.rule}
        fallbackX={fallbackX}
        onChange={(rule) => comparisonController.setSide(index, { ...side, rule, name: '' })}
      />
    </div>
  );
}

function SideReadouts({ index }: { index: 0 | 1 }) {
  const r = useComparison((s) => s.readouts?.[index] ?? null);
  const target = useComparison((s) => s.target);
  const goal =
    target.metric === 'testLoss'
      ? `test loss ≤ ${target.value}`
      : `test accuracy ≥ ${formatPercent(target.value, 0)}`;
  let reached = 'not yet';
  if (r?.reachedAt !== null && r?.reachedAt !== undefined) reached = `at epoch ${r.reachedAt}`;
  return (
    <dl className="cmp-readouts">
      <div>
        <dt>Training loss</dt>
        <dd data-testid="train-loss" data-value={r?.trainLoss}>
          {formatLoss(r?.trainLoss ?? NaN)}
        </dd>
      </div>
      <div>
        <dt>Test loss</dt>
        <dd data-testid="test-loss" data-value={r?.testLoss}>
          {formatLoss(r?.testLoss ?? NaN)}
        </dd>
      </div>
      {r && !Number.isNaN(r.testAccuracy) && (
        <div>
          <dt>Accuracy</dt>
          <dd>
            {formatPercent(r.trainAccuracy)} / {formatPercent(r.testAccuracy)}
          </dd>
        </div>
      )}
      <div>
        <dt>Target ({goal})</dt>
        <dd data-testid="reached">{reached}</dd>
      </div>
      {r?.diverged && (
        <p className="cmp-diverged" role="alert">
          Diverged at epoch {r.diverged.epoch}: it stays at epoch {r.epoch}. {r.diverged.hint}
        </p>
      )}
    </dl>
  );
}

/** Sizes of the output heatmap and of each neuron's square, to fit the box given. */
function visualSizes(width: number, height: number, layerSizes: readonly number[]) {
  const output = Math.max(80, Math.floor(Math.min(height, width * 0.5)));
  const layers = Math.max(1, layerSizes.length);
  const most = Math.max(1, ...layerSizes);
  const room = width - output - 16 - 8;
  const byWidth = (room - (layers - 1) * LAYER_GAP) / layers;
  // The layer's label (14 px and a gap) above, and room for the outline of a neuron that differs.
  const byHeight = (height - 18 - 8 - (most - 1) * NEURON_GAP) / most;
  const neuron = Math.max(8, Math.min(46, Math.floor(Math.min(byWidth, byHeight))));
  return { output, neuron };
}

function SideVisuals({ index, name }: { index: 0 | 1; name: string }) {
  const config = useComparison((s) => s.configs[index]);
  const other = useComparison((s) => s.configs[index === 0 ? 1 : 0]);
  const box = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(box);
  const layerSizes = useMemo(() => config.hidden.map((l) => l.length), [config.hidden]);
  const sizes = visualSizes(width, height, layerSizes);
  const outputView = useMemo(
    () => outputViewOf(config.hidden, config.dataset, config.loss),
    [config.hidden, config.dataset, config.loss],
  );
  // Canvases by unit index; painted from each frame.
  const canvases = useRef(new Map<number, { canvas: HTMLCanvasElement; view: HeatmapView }>());
  const dots = useRef<HTMLCanvasElement>(null);
  const discretize = config.discretize;
  const kind = datasetInfo(config.dataset).kind;
  const units = frameUnitsOf(config.hidden, config.dataset, config.loss);

  const paint = useCallback(
    (hub: PairHub) => {
      const frame = hub.latestFrame;
      const side = frame?.sides[index];
      // A frame of another shape (in flight across a rebuild) is not painted.
      if (frame && side && side.grid.length === units * frame.gridN * frame.gridN) {
        const images = { gridN: frame.gridN, grid: side.grid };
        for (const { canvas, view } of canvases.current.values()) {
          paintView(canvas, images, view, view === outputView && discretize);
        }
      }
      const context = dots.current?.getContext('2d');
      const data = hub.latestData;
      if (context && data && dots.current?.dataset.painted !== String(data.generation)) {
        const ratio = window.devicePixelRatio || 1;
        const side = Math.round(sizes.output * ratio);
        context.canvas.width = side;
        context.canvas.height = side;
        paintPoints(context, triples(data.train.xyLabel), kind, {
          radius: 2.2 * ratio,
          outline: true,
        });
        context.canvas.dataset.painted = String(data.generation);
      }
    },
    [index, outputView, discretize, kind, sizes.output, units],
  );
  usePairPainter(paint);

  const register = (unit: number, view: HeatmapView) => (canvas: HTMLCanvasElement | null) => {
    if (canvas) canvases.current.set(unit, { canvas, view });
    else canvases.current.delete(unit);
  };

  let unit = 0;
  return (
    <div className="cmp-visuals" ref={box}>
      <div className="cmp-output" style={{ width: sizes.output, height: sizes.output }}>
        <canvas
          ref={register(-1, outputView)}
          className="heatmap"
          role="img"
          aria-label={`Output of ${name}, heatmap over x1 and x2 from ${-GRID_EXTENT} to ${GRID_EXTENT}`}
          data-testid="comparison-output"
        />
        <canvas ref={dots} className="dots" aria-hidden="true" />
      </div>
      <div className="cmp-neurons" style={{ gap: LAYER_GAP }}>
        {config.hidden.map((layer, l) => (
          <div key={l} className="cmp-layer" style={{ gap: NEURON_GAP }}>
            <span className="cmp-layer-label">L{l + 1}</span>
            {layer.map((id, j) => {
              const u = unit++;
              const differs = other.hidden[l]?.[j] !== id;
              return (
                <NeuronSquare
                  key={`${l}-${j}`}
                  id={id}
                  label={`Layer ${l + 1} neuron ${j + 1}, ${activationInfo(id).label}`}
                  size={sizes.neuron}
                  differs={differs}
                  color={seriesColor(index)}
                  canvasRef={register(u, hiddenViewOf(u, id))}
                />
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}

function NeuronSquare({
  id,
  label,
  size,
  differs,
  color,
  canvasRef,
}: {
  id: ActivationId;
  label: string;
  size: number;
  differs: boolean;
  color: string;
  canvasRef: (canvas: HTMLCanvasElement | null) => void;
}) {
  return (
    <div
      className={differs ? 'cmp-neuron differs' : 'cmp-neuron'}
      style={{ width: size, height: size, outlineColor: differs ? color : undefined }}
      title={differs ? `${label} (differs from the other side)` : label}
    >
      <canvas ref={canvasRef} className="heatmap" role="img" aria-label={label} />
      {size >= 26 && (
        <ActivationGlyph id={id} size={Math.round(size * 0.5)} className="glyph cmp-glyph" />
      )}
    </div>
  );
}
