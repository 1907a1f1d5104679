/** An output unit: a button with its live heatmap, shown large on the right when pointed at. */
import { useLayoutEffect, useRef } from 'react';
import { playgroundActions as act } from '../../state';
import type { UnitColouring } from '../../viz/unitImage';
import { useHealthWord } from '../diagnostics/useHealth';
import { useRuntime } from '../runtime';
import type { NetworkPainter } from './networkPainter';

export interface OutputNodeProps {
  /** Position among the output units, from 0. */
  index: number;
  count: number;
  x: number;
  y: number;
  size: number;
  painter: NetworkPainter;
  /** The unit's image in a frame's grid (after every hidden neuron). */
  unit: number;
  /** The head's output range (binary and regression outputs). */
  range: readonly [number, number];
  /** Softmax outputs: the class whose probability this unit is, painted in its colour. */
  classIndex: number | undefined;
}

/** An output unit's button, named "Output" or "Output class 2"; its canvas is painted by `painter`. */
export function OutputNode({
  index,
  count,
  x,
  y,
  size,
  painter,
  unit,
  range,
  classIndex,
}: OutputNodeProps) {
  // A saturated output is the output's badge (diagnostics/useHealth.ts), not its inputs'.
  const health = useHealthWord(unit);
  const name = `${count > 1 ? `Output class ${index + 1}` : 'Output'}${health ? `, ${health}` : ''}`;
  const key = `out-${index}`;
  const canvas = useRef<HTMLCanvasElement>(null);
  const { hub } = useRuntime();
  const [low, high] = range;
  useLayoutEffect(() => {
    if (!canvas.current) return;
    const colouring: UnitColouring =
      classIndex === undefined
        ? { kind: 'output', outputRange: [low, high] }
        : { kind: 'class', classIndex };
    painter.register(key, { canvas: canvas.current, unit, colouring }, hub.latestFrame);
    return () => {
      painter.neurons.delete(key);
    };
  }, [painter, hub, key, unit, low, high, classIndex]);
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
      <span className="neuron-badge" hidden={health === ''}>
        {health}
      </span>
    </button>
  );
}
