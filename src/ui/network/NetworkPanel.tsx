/**
 * The network in the middle: input features, hidden neurons (each a button with its own live
 * heatmap and activation glyph), the output, and the links between them.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { outputColourRange, outputSpecOfDataset } from '../../config';
import { FEATURE_IDS } from '../../data';
import type { ActivationId } from '../../nn';
import {
  canAddLayer,
  canRemoveLayer,
  playgroundActions as act,
  sameNeuron,
  usePlayground,
  type NeuronRef,
} from '../../state';
import { formatWeight } from '../../viz/format';
import { layoutNetwork, linkPath } from '../../viz/layout';
import { useHubPainter, useRuntime } from '../runtime';
import { useElementSize } from '../useElementSize';
import { ActivationPalette } from './ActivationPalette';
import { FeatureNode } from './FeatureNode';
import { diagramLinks, type DiagramLink } from './geometry';
import { IncomingWeightPicker } from './IncomingWeightPicker';
import { currentOf, linkName, statsIndexOf, titleOf, type PaletteTarget } from './names';
import { NetworkPainter } from './networkPainter';
import { NeuronStatsLine } from './NeuronStatsLine';
import { LayerHeader, NeuronButton, OutputNode } from './nodes';
import { WeightEditor } from './WeightEditor';

/** Height reserved above the diagram for the per-layer buttons (px). */
const LAYER_HEADER_HEIGHT = 52;

interface PaletteState {
  target: PaletteTarget;
  anchor: { x: number; y: number };
}

export function NetworkPanel() {
  const hidden = usePlayground((s) => s.config.hidden);
  const features = usePlayground((s) => s.config.features);
  const dataset = usePlayground((s) => s.config.dataset);
  const loss = usePlayground((s) => s.config.loss);
  const discretize = usePlayground((s) => s.config.discretize);
  const selection = usePlayground((s) => s.selection);
  const canAdd = usePlayground((s) => canAddLayer(s.config));
  const canRemove = usePlayground((s) => canRemoveLayer(s.config));
  const output = outputSpecOfDataset(dataset, loss);
  const outputs = output.size;

  const box = useRef<HTMLDivElement>(null);
  const size = useElementSize(box);
  const [palette, setPalette] = useState<PaletteState | null>(null);
  const [editing, setEditing] = useState<DiagramLink | null>(null);
  const [tooltip, setTooltip] = useState<{ x: number; y: number; text: string } | null>(null);
  // Tapping selects instead of opening the palette: multi-selection without a Shift key.
  const [selecting, setSelecting] = useState(false);

  const layerSizes = hidden.map((layer) => layer.length);
  const enabled = features.map((id) => FEATURE_IDS.indexOf(id));
  const layout = useMemo(
    () =>
      layoutNetwork({
        inputs: FEATURE_IDS.length,
        hidden: layerSizes,
        outputs,
        width: Math.max(200, size.width),
        height: Math.max(160, size.height - LAYER_HEADER_HEIGHT),
        maxNodeSize: 64,
        align: 'center',
      }),
    // layerSizes and enabled are derived per render; their joined form is the real key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [layerSizes.join(), outputs, size.width, size.height],
  );
  const links = useMemo(() => diagramLinks(layout, enabled), [layout, enabled.join()]); // eslint-disable-line react-hooks/exhaustive-deps

  // Columns closer than the three layer buttons are wide get the compact header.
  const columnGap = (layout.columnX[2] ?? Infinity) - (layout.columnX[1] ?? 0);
  const { hub } = useRuntime();
  const painter = useMemo(() => new NetworkPainter(), []);
  const hiddenCount = layerSizes.reduce((a, b) => a + b, 0);
  useLayoutEffect(() => {
    painter.expectedGridImages = hiddenCount + outputs;
    painter.expectedWeights = links.length;
    painter.discretize = discretize;
    painter.paint(hub.latestFrame); // a display setting changed: repaint what is there
  }, [painter, hub, hiddenCount, outputs, links.length, discretize]);
  useHubPainter(useCallback((frameHub) => painter.paint(frameHub.latestFrame), [painter]));

  // Where focus goes back when the palette or the weight editor closes.
  const returnFocus = useRef<HTMLElement | null>(null);
  const closePalette = useCallback(() => {
    setPalette(null);
    returnFocus.current?.focus();
  }, []);
  const closeEditor = useCallback(() => {
    setEditing(null);
    returnFocus.current?.focus();
  }, []);

  // A new network (shape, features or data) makes an open palette or weight editor stale.
  const networkKey = `${layerSizes.join()}|${features.join()}|${dataset}`;
  useEffect(() => {
    setPalette(null);
    setEditing(null);
  }, [networkKey]);

  function openPalette(target: PaletteTarget, opener: HTMLElement) {
    const rect = opener.getBoundingClientRect();
    returnFocus.current = opener;
    setPalette({ target, anchor: { x: rect.right, y: rect.top } });
  }

  function onNeuronClick(ref: NeuronRef, event: React.MouseEvent<HTMLButtonElement>) {
    if (selecting || event.shiftKey || event.ctrlKey || event.metaKey) {
      act.toggleSelected(ref.layer, ref.neuron, true);
      return;
    }
    const inSelection = selection.some((s) => sameNeuron(s, ref));
    const refs = inSelection && selection.length > 1 ? selection : [ref];
    openPalette({ kind: 'neurons', refs }, event.currentTarget);
  }

  function choose(id: ActivationId) {
    if (!palette) return;
    const { target } = palette;
    if (target.kind === 'layer') act.setLayerActivation(target.layer, id);
    else if (target.refs.length === 1) {
      const ref = target.refs[0] as NeuronRef;
      act.setNeuronActivation(ref.layer, ref.neuron, id);
    } else act.setSelectionActivation(id);
    closePalette();
  }

  function showWeight(link: DiagramLink, event: React.PointerEvent) {
    const frame = hub.latestFrame;
    const value =
      frame && frame.weights.length === links.length ? frame.weights[link.weightIndex] : undefined;
    const bounds = box.current?.getBoundingClientRect();
    setTooltip({
      x: event.clientX - (bounds?.left ?? 0) + 12,
      y: event.clientY - (bounds?.top ?? 0) + 12,
      text: `${linkName(link, features, hidden.length)}: ${value === undefined ? '…' : formatWeight(value)} (click to edit)`,
    });
  }

  const paletteTitle = palette ? titleOf(palette.target, hidden) : '';
  const paletteCurrent = palette ? currentOf(palette.target, hidden) : null;
  const top = LAYER_HEADER_HEIGHT;

  return (
    <section className="panel network-panel" aria-labelledby="network-heading">
      <div className="network-toolbar">
        <h2 id="network-heading">Network</h2>
        <button
          type="button"
          className="text-button"
          disabled={!canAdd}
          onClick={() => act.addLayer()}
        >
          Add layer
        </button>
        <button
          type="button"
          className="text-button"
          disabled={!canRemove}
          onClick={() => act.removeLayer()}
        >
          Remove layer
        </button>
        <span className="muted">
          {hidden.length} hidden {hidden.length === 1 ? 'layer' : 'layers'}
        </span>
        <button
          type="button"
          className="text-button"
          aria-pressed={selecting}
          title="While on, clicking or tapping a neuron adds it to the selection"
          onClick={() => setSelecting((on) => !on)}
        >
          Select several
        </button>
        {selection.length > 0 && (
          <span className="selection-bar">
            {selection.length} selected
            <button
              type="button"
              className="text-button"
              onClick={(event) =>
                openPalette({ kind: 'neurons', refs: selection }, event.currentTarget)
              }
            >
              Set activation…
            </button>
            <button type="button" className="text-button" onClick={() => act.clearSelection()}>
              Clear selection
            </button>
          </span>
        )}
      </div>
      <p className="hint">
        <strong>Click a neuron</strong> to give it its own activation function. Shift-click (or
        Select several) picks a group; hover shows a neuron large on the right.
      </p>
      <div className="diagram" ref={box} onPointerLeave={() => setTooltip(null)}>
        <svg className="links" width={size.width} height={size.height} aria-hidden="true">
          <g transform={`translate(0, ${top})`}>
            {links.map((link) => (
              <g key={link.weightIndex}>
                <path
                  ref={(element) => {
                    if (element)
                      painter.links.set(link.weightIndex, {
                        path: element,
                        weightIndex: link.weightIndex,
                      });
                    else painter.links.delete(link.weightIndex);
                  }}
                  d={linkPath(link)}
                  className="link"
                />
                <path
                  d={linkPath(link)}
                  className="link-hit"
                  onPointerEnter={(event) => showWeight(link, event)}
                  onPointerMove={(event) => showWeight(link, event)}
                  onPointerLeave={() => setTooltip(null)}
                  onClick={() => {
                    setTooltip(null);
                    returnFocus.current = null;
                    setEditing(link);
                  }}
                />
              </g>
            ))}
          </g>
        </svg>
        {hidden.map((layer, l) => (
          <LayerHeader
            key={l}
            layer={l + 1}
            neurons={layer.length}
            x={layout.columnX[l + 1] ?? 0}
            compact={columnGap < 90}
            onSetLayer={(opener) => openPalette({ kind: 'layer', layer: l + 1 }, opener)}
          />
        ))}
        {FEATURE_IDS.map((id, position) => {
          const node = layout.layers[0]?.[position];
          return node ? (
            <FeatureNode
              key={id}
              id={id}
              enabled={features.includes(id)}
              x={node.x}
              y={node.y + top}
              size={node.size}
            />
          ) : null;
        })}
        {hidden.map((layer, l) =>
          layer.map((activation, j) => {
            const node = layout.layers[l + 1]?.[j];
            if (!node) return null;
            const ref = { layer: l + 1, neuron: j + 1 };
            const gridIndex = statsIndexOf(ref, layerSizes);
            return (
              <NeuronButton
                key={`${l}-${j}`}
                neuronRef={ref}
                activation={activation}
                selected={selection.some((s) => sameNeuron(s, ref))}
                x={node.x}
                y={node.y + top}
                size={node.size}
                painter={painter}
                gridIndex={gridIndex}
                onClick={onNeuronClick}
              />
            );
          }),
        )}
        {(layout.layers[hidden.length + 1] ?? []).map((node, k) => (
          <OutputNode
            key={`out-${k}`}
            index={k}
            count={outputs}
            x={node.x}
            y={node.y + top}
            size={node.size}
            painter={painter}
            gridIndex={hiddenCount + k}
            classIndex={output.activation === 'softmax' ? k : undefined}
            range={outputColourRange(output)}
          />
        ))}
        {tooltip && (
          <div className="tooltip" role="tooltip" style={{ left: tooltip.x, top: tooltip.y }}>
            {tooltip.text}
          </div>
        )}
      </div>
      {palette && (
        <ActivationPalette
          title={paletteTitle}
          current={paletteCurrent}
          anchor={palette.anchor}
          onChoose={choose}
          onClose={closePalette}
          footer={
            palette.target.kind === 'neurons' && palette.target.refs.length === 1 ? (
              <>
                <NeuronStatsLine
                  statsIndex={statsIndexOf(palette.target.refs[0] as NeuronRef, layerSizes)}
                  hiddenCount={hiddenCount}
                />
                <IncomingWeightPicker
                  links={links.filter(
                    (link) =>
                      palette.target.kind === 'neurons' &&
                      link.layer === palette.target.refs[0]?.layer &&
                      link.to === (palette.target.refs[0]?.neuron ?? 0) - 1,
                  )}
                  nameOf={(link) => linkName(link, features, hidden.length)}
                  onEdit={(link) => {
                    setPalette(null);
                    setEditing(link);
                  }}
                />
              </>
            ) : null
          }
        />
      )}
      {editing && (
        <WeightEditor
          link={editing}
          name={linkName(editing, features, hidden.length)}
          expectedWeights={links.length}
          onClose={closeEditor}
        />
      )}
    </section>
  );
}
