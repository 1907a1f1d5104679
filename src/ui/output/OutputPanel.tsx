/**
 * The output column: losses and accuracy, the large heatmap of the output (or of the hovered
 * neuron, on its own colour scale), the data points, the legend and the loss chart.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { outputColourRange, outputSpecOfDataset } from '../../config';
import { datasetInfo, type TaskKind } from '../../data';
import { activationInfo, GRID_EXTENT, type ActivationId } from '../../nn';
import { usePlayground, type FrameHub } from '../../state';
import { classCss, scaleGradientCss } from '../../viz/colors';
import { formatLoss, formatPercent } from '../../viz/format';
import { neuronDomain, paintDiverging } from '../../viz/heatmap';
import { statsIndexOf } from '../network/names';
import { hiddenDomain, paintClassImage } from '../network/networkPainter';
import { imageFor, showImage } from '../canvasImage';
import { paintPoints, triples } from '../paintPoints';
import { useHubPainter, useRuntime } from '../runtime';
import { SettingCheckbox } from '../controls/SettingControls';
import { Axes } from './Axes';
import { LossChart } from './LossChart';

/** Side of the large heatmap (CSS px). */
const HEATMAP_SIZE = 250;

export function OutputPanel() {
  return (
    <section className="panel output-panel" aria-labelledby="output-heading">
      <h2 id="output-heading">Output</h2>
      <Readouts />
      <BigHeatmap />
      <Toggles />
      <LossChart />
    </section>
  );
}

function Readouts() {
  const r = usePlayground((s) => s.readouts);
  return (
    <dl className="readouts">
      <div>
        <dt id="train-loss-label">Training loss</dt>
        {/* data-value: every digit, for checking that a link reproduces its numbers exactly. */}
        <dd data-testid="train-loss" data-value={r.trainLoss} title={String(r.trainLoss)}>
          {formatLoss(r.trainLoss)}
        </dd>
      </div>
      <div>
        <dt id="test-loss-label">Test loss</dt>
        <dd data-testid="test-loss" data-value={r.testLoss} title={String(r.testLoss)}>
          {formatLoss(r.testLoss)}
        </dd>
      </div>
      {!Number.isNaN(r.trainAccuracy) && (
        <div>
          <dt title="Share of points classified right: training / test">Accuracy</dt>
          <dd>
            {formatPercent(r.trainAccuracy)} / {formatPercent(r.testAccuracy)}
          </dd>
        </div>
      )}
    </dl>
  );
}

interface Shown {
  caption: string;
  domain: readonly [number, number] | null;
  classes: number;
}

/** What the large heatmap shows: the hovered hidden neuron, or the output. */
function useShown(): {
  gridIndex: number | null;
  activation: ActivationId | null;
  caption: string;
  range: readonly [number, number];
} {
  const hovered = usePlayground((s) => s.hovered);
  const hidden = usePlayground((s) => s.config.hidden);
  const dataset = usePlayground((s) => s.config.dataset);
  const loss = usePlayground((s) => s.config.loss);
  if (hovered && hovered !== 'output') {
    const activation = hidden[hovered.layer - 1]?.[hovered.neuron - 1];
    if (activation) {
      const info = activationInfo(activation);
      return {
        gridIndex: statsIndexOf(
          hovered,
          hidden.map((layer) => layer.length),
        ),
        activation,
        caption: `Layer ${hovered.layer} neuron ${hovered.neuron} (${info.label})`,
        range: info.range,
      };
    }
  }
  const range = outputColourRange(outputSpecOfDataset(dataset, loss));
  return {
    gridIndex: null,
    activation: null,
    caption: `Output: ${datasetInfo(dataset).label}`,
    range,
  };
}

function BigHeatmap() {
  const heat = useRef<HTMLCanvasElement>(null);
  const dots = useRef<HTMLCanvasElement>(null);
  const { hub } = useRuntime();
  const dataset = usePlayground((s) => s.config.dataset);
  const loss = usePlayground((s) => s.config.loss);
  const showTest = usePlayground((s) => s.config.showTestData);
  const discretize = usePlayground((s) => s.config.discretize);
  const hidden = usePlayground((s) => s.config.hidden);
  const shown = useShown();
  const [legend, setLegend] = useState<Shown>({ caption: '', domain: null, classes: 0 });
  const info = datasetInfo(dataset);
  const output = outputSpecOfDataset(dataset, loss);
  const hiddenCount = hidden.reduce((sum, layer) => sum + layer.length, 0);
  const imageCount = hiddenCount + output.size;

  const paint = useCallback(
    (frameHub: FrameHub) => {
      const frame = frameHub.latestFrame;
      const canvas = heat.current;
      if (!frame || !canvas) return;
      const n = frame.gridN;
      const points = n * n;
      if (frame.grid.length !== imageCount * points) return; // a frame of the previous shape
      const softmaxOutput = shown.gridIndex === null && output.activation === 'softmax';
      if (softmaxOutput) {
        paintClassImage(canvas, frame, hiddenCount, output.size, discretize);
        setLegend((old) =>
          old.classes === output.size && old.caption === shown.caption
            ? old
            : { caption: shown.caption, domain: null, classes: output.size },
        );
        return;
      }
      const gridIndex = shown.gridIndex ?? hiddenCount;
      const image = imageFor(canvas, n);
      const domain = shown.activation
        ? hiddenDomain(frame.grid, gridIndex * points, points, shown.activation)
        : neuronDomain(frame.grid, gridIndex * points, points, shown.range);
      paintDiverging(image, frame.grid, gridIndex * points, n, domain, {
        discretize: discretize && shown.gridIndex === null,
      });
      showImage(canvas, image);
      setLegend((old) =>
        old.caption === shown.caption &&
        old.domain?.[0] === domain[0] &&
        old.domain?.[1] === domain[1]
          ? old
          : { caption: shown.caption, domain, classes: 0 },
      );
    },
    [
      shown.gridIndex,
      shown.activation,
      shown.caption,
      shown.range,
      imageCount,
      hiddenCount,
      output.activation,
      output.size,
      discretize,
    ],
  );
  useHubPainter(paint);

  // Points: repainted when the data or the test toggle change, not every frame.
  const paintDots = useCallback(
    (frameHub: FrameHub) => {
      const context = dots.current?.getContext('2d');
      const data = frameHub.latestData;
      if (!context || !data) return;
      const ratio = window.devicePixelRatio || 1;
      const side = Math.round(HEATMAP_SIZE * ratio);
      if (context.canvas.width !== side) {
        context.canvas.width = side;
        context.canvas.height = side;
      }
      paintPoints(context, triples(data.train.xyLabel), info.kind, {
        radius: 2.6 * ratio,
        outline: true,
      });
      if (showTest) {
        paintPoints(context, triples(data.test.xyLabel), info.kind, {
          radius: 2.6 * ratio,
          outline: 'test',
          clear: false,
        });
      }
    },
    [info.kind, showTest],
  );
  const lastData = useRef<unknown>(null);
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
  useEffect(() => paint(hub), [hub, paint]);

  return (
    <figure className="big-heatmap">
      <figcaption>{shown.caption}</figcaption>
      <div className="heatmap-frame" style={{ width: HEATMAP_SIZE, height: HEATMAP_SIZE }}>
        <canvas
          ref={heat}
          className="heatmap"
          data-testid="output-heatmap"
          role="img"
          aria-label={`${shown.caption}, heatmap over x1 and x2 from ${-GRID_EXTENT} to ${GRID_EXTENT}`}
          style={{ imageRendering: discretize ? 'pixelated' : 'auto' }}
        />
        <canvas ref={dots} className="dots" aria-hidden="true" />
        <Axes size={HEATMAP_SIZE} />
      </div>
      <Legend
        shown={legend}
        note={
          shown.gridIndex === null
            ? outputNote(info.kind)
            : 'White is 0; blue positive, orange negative'
        }
      />
    </figure>
  );
}

function outputNote(kind: TaskKind): string {
  if (kind === 'binary') return 'Orange −1, blue +1, white undecided';
  return 'The predicted value at each point';
}

function Legend({ shown, note }: { shown: Shown; note: string }) {
  if (shown.classes > 0) {
    return (
      <ul className="legend legend-classes" aria-label="Classes">
        {Array.from({ length: shown.classes }, (_, c) => (
          <li key={c}>
            <span className="swatch" style={{ background: classCss(c) }} /> Class {c + 1}
          </li>
        ))}
      </ul>
    );
  }
  if (!shown.domain) return null;
  const [lo, hi] = shown.domain;
  const middle = lo < 0 && hi > 0 ? 0 : (lo + hi) / 2;
  return (
    <div className="legend" role="img" aria-label={`Colour scale from ${lo} to ${hi}`}>
      <div className="legend-bar" style={{ background: scaleGradientCss() }} />
      <div className="legend-ticks" aria-hidden="true">
        <span>{lo}</span>
        <span>{middle}</span>
        <span>{hi}</span>
      </div>
      <p className="legend-note">{note}</p>
    </div>
  );
}

function Toggles() {
  return (
    <div className="toggles">
      <SettingCheckbox name="showTestData" />
      <SettingCheckbox name="discretize" />
      <SettingCheckbox name="logScale" />
    </div>
  );
}
