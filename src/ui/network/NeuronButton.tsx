/** A hidden neuron: a button with its live heatmap, its activation's glyph and a health badge. */
import { useLayoutEffect, useRef } from 'react';
import { activationInfo, type ActivationId } from '../../nn';
import {
  neuronLabel,
  playgroundActions as act,
  playgroundStore,
  sameNeuron,
  type NeuronRef,
} from '../../state';
import { ActivationGlyph } from '../ActivationGlyph';
import { isLearned } from '../learned/contract';
import { LearnedNeuronGlyph } from '../learned/LearnedNeuronGlyph';
import { activationName, useCustomText } from '../customActivation';
import { useHealthWord } from '../diagnostics/useHealth';
import { useRuntime } from '../runtime';
import type { NetworkPainter } from './networkPainter';

export interface NeuronButtonProps {
  neuronRef: NeuronRef;
  activation: ActivationId;
  selected: boolean;
  x: number;
  y: number;
  size: number;
  painter: NetworkPainter;
  /** The neuron's index among all hidden neurons (state/neurons.ts `hiddenIndexOf`). */
  hiddenIndex: number;
  onClick: (ref: NeuronRef, event: React.MouseEvent<HTMLButtonElement>) => void;
}

/** A hidden neuron's button, named "Layer 1 neuron 3, Tanh"; its canvas is painted by `painter`. */
export function NeuronButton({
  neuronRef,
  activation,
  selected,
  x,
  y,
  size,
  painter,
  hiddenIndex,
  onClick,
}: NeuronButtonProps) {
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
        // Hidden neurons come first in a frame's grid: the hidden index is the unit.
        unit: hiddenIndex,
        colouring: { kind: 'hidden', activationRange: activationInfo(activation).range },
        health: badge.current ? { badge: badge.current, activation } : undefined,
      },
      hub.latestFrame,
    );
    return () => {
      painter.neurons.delete(key);
    };
  }, [painter, hub, key, hiddenIndex, activation]);
  const label = activationName(activation, useCustomText());
  const health = useHealthWord(hiddenIndex);
  const state = `${health ? `, ${health}` : ''}${selected ? ', selected' : ''}`;
  const name = `${neuronLabel(neuronRef)}, ${label}${state}`;
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
      {isLearned(activation) ? (
        <LearnedNeuronGlyph
          id={activation}
          hiddenIndex={hiddenIndex}
          size={Math.max(12, Math.round(size * 0.4))}
          label={`${neuronLabel(neuronRef)}, ${label}`}
          suffix={state}
        />
      ) : (
        <ActivationGlyph
          id={activation}
          size={Math.max(12, Math.round(size * 0.4))}
          className="neuron-glyph"
        />
      )}
      <span className="neuron-badge" ref={badge} hidden={health === ''}>
        {health}
      </span>
      <span className="neuron-gradient" aria-hidden="true" />
    </button>
  );
}
