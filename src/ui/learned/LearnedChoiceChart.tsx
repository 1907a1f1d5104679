/**
 * "What the network chose": per hidden layer with learned mixes, a stacked bar of how much of
 * each palette entry its mixes use, weighted by their blends; the leading entries are written
 * on the bars and a legend names every colour, so the choice reads from the back row and not
 * by colour alone. d3 computes the scales, React renders the SVG. Shown while any learned mix
 * exists; refreshed from the frames a few times a second (CHART_INTERVAL_MS), not per frame.
 */
import { scaleBand, scaleLinear } from 'd3';
import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { activationInfo } from '../../nn';
import { playgroundStore, usePlayground, type FrameHub } from '../../state';
import { useHubPainter } from '../runtime';
import { useElementSize } from '../useElementSize';
import { blendColour, lightTextOn } from './blendColours';
import { layerChoices, sameChoices, type LayerChoice } from './choiceSummary';
import { frameParams, hasMixture, layoutOf, mixPaletteOf, type MixPalette } from './contract';
import { percent, rankedBlend } from './learnedValues';
import './learned.css';

/** How often the chart follows the frames (ms). */
export const CHART_INTERVAL_MS = 500;
const ROW_HEIGHT = 26;
const ROW_GAP = 4;
const LABEL_WIDTH = 64;
/** A segment needs this many px per character of its label to show it. */
const PX_PER_CHAR = 9.5;

/** The chart's words: "Layer 1: 64% Sine, 20% Tanh, …; Layer 2: …". */
export function describeChoices(choices: readonly LayerChoice[], palette: MixPalette): string {
  return choices
    .map((choice) => {
      const ranked = rankedBlend(palette, choice.shares).slice(0, 3);
      const words = ranked.map((e) => `${percent(e.share)} ${activationInfo(e.id).label}`);
      return `Layer ${choice.layer}: ${words.join(', ')}`;
    })
    .join('; ');
}

function currentChoices(hub: FrameHub): LayerChoice[] {
  const { config } = playgroundStore.getState();
  const palette = mixPaletteOf(config);
  const layout = layoutOf(config.hidden, palette.length);
  const params = frameParams(hub.latestFrame);
  const fitting = params && params.length === layout.count ? params : null;
  return layerChoices(config.hidden, palette, layout, fitting);
}

export function LearnedChoiceChart() {
  const anyMix = usePlayground((s) => hasMixture(s.config.hidden));
  return anyMix ? <ChoiceChart /> : null;
}

function ChoiceChart() {
  const headingId = useId();
  const palette = usePlayground((s) => mixPaletteOf(s.config));
  const hidden = usePlayground((s) => s.config.hidden);
  const [choices, setChoices] = useState<LayerChoice[]>([]);
  const due = useRef(-Infinity);
  const box = useRef<HTMLDivElement>(null);
  const width = Math.max(160, useElementSize(box).width);
  const follow = useCallback(
    (hub: FrameHub) => {
      const now = performance.now();
      // A change of network or palette shows at once; frames only every CHART_INTERVAL_MS.
      if (now < due.current && hidden === playgroundStore.getState().config.hidden) return;
      due.current = now + CHART_INTERVAL_MS;
      const next = currentChoices(hub);
      setChoices((previous) => (sameChoices(previous, next) ? previous : next));
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [hidden, palette],
  );
  useHubPainter(follow);

  const height = choices.length * (ROW_HEIGHT + ROW_GAP);
  const x = useMemo(() => scaleLinear().domain([0, 1]).range([LABEL_WIDTH, width]), [width]);
  const y = useMemo(
    () =>
      scaleBand<number>()
        .domain(choices.map((c) => c.layer))
        .range([0, height])
        .paddingInner(ROW_GAP / (ROW_HEIGHT + ROW_GAP)),
    [choices, height],
  );
  return (
    <figure className="choice-chart" aria-labelledby={headingId}>
      <figcaption id={headingId}>What the network chose</figcaption>
      <div ref={box} className="choice-chart-box">
        <svg
          width={width}
          height={height}
          role="img"
          aria-label={`Share of each activation in the learned mixes, per layer. ${describeChoices(choices, palette)}`}
          data-testid="choice-chart"
        >
          {choices.map((choice) => {
            const top = y(choice.layer) ?? 0;
            let left = 0;
            return (
              <g key={choice.layer} data-layer={choice.layer}>
                <text x={0} y={top + y.bandwidth() / 2} dy="0.35em" className="choice-layer">
                  Layer {choice.layer}
                </text>
                {choice.shares.map((share, k) => {
                  const entry = palette[k];
                  const from = x(left);
                  left += share;
                  const w = Math.max(0, x(left) - from);
                  if (!entry || w <= 0) return null;
                  const colour = blendColour(k);
                  const label = `${activationInfo(entry).label} ${percent(share)}`;
                  const fits = w >= label.length * PX_PER_CHAR + 6;
                  const short = percent(share);
                  const shortFits = !fits && w >= short.length * PX_PER_CHAR + 4;
                  return (
                    <g key={entry}>
                      <rect x={from} y={top} width={w} height={y.bandwidth()} fill={colour}>
                        <title>{label}</title>
                      </rect>
                      {(fits || shortFits) && (
                        <text
                          x={from + w / 2}
                          y={top + y.bandwidth() / 2}
                          dy="0.35em"
                          textAnchor="middle"
                          className={lightTextOn(colour) ? 'choice-text light' : 'choice-text'}
                        >
                          {fits ? label : short}
                        </text>
                      )}
                    </g>
                  );
                })}
              </g>
            );
          })}
        </svg>
      </div>
      <ul className="choice-legend" aria-label="Colours of the learned mix">
        {palette.map((entry, k) => (
          <li key={entry}>
            <span
              className="mix-swatch"
              style={{ background: blendColour(k) }}
              aria-hidden="true"
            />
            {activationInfo(entry).label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
