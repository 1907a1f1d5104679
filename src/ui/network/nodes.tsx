/** The diagram's buttons: a layer's header, a hidden neuron, an output unit. */
import { useLayoutEffect, useRef } from 'react';
import { activationInfo, type ActivationId } from '../../nn';
import {
  canAddNeuron,
  canRemoveNeuron,
  playgroundActions as act,
  playgroundStore,
  sameNeuron,
  usePlayground,
  type NeuronRef,
} from '../../state';
import { ActivationGlyph } from '../ActivationGlyph';
import { useRuntime } from '../runtime';
import type { NetworkPainter } from './networkPainter';

export function LayerHeader({
  layer,
  neurons,
  x,
  compact,
  onSetLayer,
}: {
  layer: number;
  neurons: number;
  x: number;
  compact: boolean;
  onSetLayer: (opener: HTMLElement) => void;
}) {
  const canAdd = usePlayground((s) => canAddNeuron(s.config, layer));
  const canRemove = usePlayground((s) => canRemoveNeuron(s.config, layer));
  return (
    <div className={compact ? 'layer-header compact' : 'layer-header'} style={{ left: x }}>
      <div className="layer-buttons">
        <button
          type="button"
          className="mini-button"
          aria-label={`Remove a neuron from layer ${layer}`}
          title={`Remove a neuron from layer ${layer}`}
          disabled={!canRemove}
          onClick={() => act.removeNeuron(layer)}
        >
          −
        </button>
        <button
          type="button"
          className="mini-button"
          aria-label={`Add a neuron to layer ${layer}`}
          title={`Add a neuron to layer ${layer}`}
          disabled={!canAdd}
          onClick={() => act.addNeuron(layer)}
        >
          +
        </button>
        <button
          type="button"
          className="mini-button"
          aria-label={`Set the activation of every neuron in layer ${layer}`}
          title={`Set the activation of every neuron in layer ${layer}`}
          onClick={(event) => onSetLayer(event.currentTarget)}
        >
          ƒ
        </button>
      </div>
      <span className="layer-caption">
        {compact ? neurons : `${neurons} ${neurons === 1 ? 'neuron' : 'neurons'}`}
      </span>
    </div>
  );
}

export function NeuronButton({
  neuronRef,
  activation,
  selected,
  x,
  y,
  size,
  painter,
  gridIndex,
  onClick,
}: {
  neuronRef: NeuronRef;
  activation: ActivationId;
  selected: boolean;
  x: number;
  y: number;
  size: number;
  painter: NetworkPainter;
  gridIndex: number;
  onClick: (ref: NeuronRef, event: React.MouseEvent<HTMLButtonElement>) => void;
}) {
  const key = `${neuronRef.layer}-${neuronRef.neuron}`;
  const canvas = useRef<HTMLCanvasElement>(null);
  const badge = useRef<HTMLSpanElement>(null);
  const { hub } = useRuntime();
  useLayoutEffect(() => {
    if (!canvas.current) return;
    painter.register(
      key,
      {
        canvas: canvas.current,
        gridIndex,
        activation,
        badge: badge.current,
        statsIndex: gridIndex,
      },
      hub.latestFrame,
    );
    return () => {
      painter.neurons.delete(key);
    };
  }, [painter, hub, key, gridIndex, activation]);
  const label = activationInfo(activation).label;
  const name = `Layer ${neuronRef.layer} neuron ${neuronRef.neuron}, ${label}${selected ? ', selected' : ''}`;
  const hover = () => act.setHovered(neuronRef);
  const unhover = () => {
    const current = playgroundStore.getState().hovered;
    if (current !== null && current !== 'output' && sameNeuron(current, neuronRef))
      act.setHovered(null);
  };
  return (
    <button
      type="button"
      className={selected ? 'neuron selected' : 'neuron'}
      style={{ left: x, top: y, width: size, height: size }}
      aria-label={name}
      title={`${label}: ${activationInfo(activation).formula}. Click to change.`}
      onClick={(event) => onClick(neuronRef, event)}
      onPointerEnter={hover}
      onPointerLeave={unhover}
      onFocus={(event) => {
        // Keyboard focus shows the neuron; focus handed back after a tap or click does not.
        if (event.currentTarget.matches(':focus-visible')) hover();
      }}
      onBlur={unhover}
    >
      <canvas className="heatmap" ref={canvas} />
      <ActivationGlyph
        id={activation}
        size={Math.max(12, Math.round(size * 0.4))}
        className="neuron-glyph"
      />
      <span className="neuron-badge" ref={badge} hidden />
    </button>
  );
}

export function OutputNode({
  index,
  count,
  x,
  y,
  size,
  painter,
  gridIndex,
  range,
  classIndex,
}: {
  index: number;
  count: number;
  x: number;
  y: number;
  size: number;
  painter: NetworkPainter;
  gridIndex: number;
  range: readonly [number, number];
  classIndex: number | undefined;
}) {
  const name = count > 1 ? `Output class ${index + 1}` : 'Output';
  const key = `out-${index}`;
  const canvas = useRef<HTMLCanvasElement>(null);
  const { hub } = useRuntime();
  const [low, high] = range;
  useLayoutEffect(() => {
    if (!canvas.current) return;
    painter.register(
      key,
      { canvas: canvas.current, gridIndex, activation: null, outputRange: [low, high], classIndex },
      hub.latestFrame,
    );
    return () => {
      painter.neurons.delete(key);
    };
  }, [painter, hub, key, gridIndex, low, high, classIndex]);
  return (
    <button
      type="button"
      className="neuron output-node"
      style={{ left: x, top: y, width: size, height: size }}
      aria-label={`${name} (shown large on the right)`}
      title={`${name}: shown large on the right`}
      onPointerEnter={() => act.setHovered('output')}
      onFocus={() => act.setHovered('output')}
      onPointerLeave={() => act.setHovered(null)}
      onBlur={() => act.setHovered(null)}
    >
      <canvas className="heatmap" ref={canvas} />
    </button>
  );
}
