/** A small picture of an activation's curve, with its axes. */
import { memo } from 'react';
import { CUSTOM_ACTIVATION_ID, type ActivationId } from '../nn';
import { activationGlyph } from '../viz/curves';
import { customValue, useCustomText } from './customActivation';

export const ActivationGlyph = memo(function ActivationGlyph({
  id,
  size,
  className,
}: {
  id: ActivationId;
  size: number;
  className?: string;
}) {
  const customText = useCustomText();
  const custom = id === CUSTOM_ACTIVATION_ID ? customValue(customText) : null;
  const glyph = activationGlyph(id, size, size, undefined, custom);
  return (
    <svg
      className={className ?? 'glyph'}
      width={size}
      height={size}
      viewBox={`0 0 ${size} ${size}`}
      aria-hidden="true"
      focusable="false"
    >
      {glyph.zeroX !== null && (
        <line x1={glyph.zeroX} x2={glyph.zeroX} y1={0} y2={size} className="glyph-axis" />
      )}
      <line x1={0} x2={size} y1={glyph.zeroY} y2={glyph.zeroY} className="glyph-axis" />
      <path d={glyph.path} className="glyph-curve" />
    </svg>
  );
});
