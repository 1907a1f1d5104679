/** An input feature: a toggle showing the feature's own heatmap over the plane. */
import { useEffect, useRef } from 'react';
import { featureInfo, featurePlanes, type FeatureId } from '../../data';
import { playgroundActions as act } from '../../state';
import { neuronDomain, paintDiverging } from '../../viz/heatmap';

/** Resolution of the feature images: they never change, so one paint is enough. */
const FEATURE_GRID = 40;

export function FeatureNode({
  id,
  enabled,
  x,
  y,
  size,
}: {
  id: FeatureId;
  enabled: boolean;
  x: number;
  y: number;
  size: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const info = featureInfo(id);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const plane = featurePlanes([id], FEATURE_GRID);
    const image = new ImageData(FEATURE_GRID, FEATURE_GRID);
    const domain = neuronDomain(plane, 0, plane.length, [-Infinity, Infinity]);
    paintDiverging(image, plane, 0, FEATURE_GRID, domain);
    context.putImageData(image, 0, 0);
  }, [id]);
  return (
    <div className="feature" style={{ left: x, top: y, width: size }}>
      <button
        type="button"
        className={enabled ? 'neuron feature-node' : 'neuron feature-node off'}
        style={{ width: size, height: size }}
        aria-pressed={enabled}
        aria-label={info.label}
        title={`${info.formula}: ${enabled ? 'used as an input (click to switch off)' : 'not used (click to use it)'}`}
        onClick={() => act.toggleFeature(id)}
      >
        <canvas className="heatmap" ref={canvas} width={FEATURE_GRID} height={FEATURE_GRID} />
      </button>
      <span className="feature-label" aria-hidden="true">
        {info.formula}
      </span>
    </div>
  );
}
