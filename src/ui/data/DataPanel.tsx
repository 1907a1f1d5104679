/** The data column: which data set, its noise, the train/test split and a new seed. */
import { useEffect, useRef } from 'react';
import { DATASETS, generateDataset, type DatasetInfo } from '../../data';
import { Rng } from '../../nn';
import { playgroundActions as act, useHidden, usePlayground } from '../../state';
import { SettingNumber, SettingSlider } from '../controls/SettingControls';
import { paintPoints } from '../paintPoints';
import { OwnDataControls } from './OwnDataControls';

export function DataPanel() {
  const dataset = usePlayground((s) => s.config.dataset);
  const hidePanel = useHidden('dataPanel');
  const hideDataset = useHidden('dataset');
  const hideRegenerate = useHidden('regenerate');
  if (hidePanel) return null;
  return (
    <section className="panel data-panel" aria-labelledby="data-heading">
      <h2 id="data-heading">Data</h2>
      <fieldset className="datasets" hidden={hideDataset}>
        <legend>Which data set?</legend>
        {(['binary', 'multiclass', 'regression'] as const).map((kind) => (
          <div key={kind} className="dataset-group">
            <span className="dataset-group-label">
              {kind === 'binary'
                ? 'Two classes'
                : kind === 'multiclass'
                  ? 'Several classes'
                  : 'Regression'}
            </span>
            <div className="dataset-grid">
              {DATASETS.filter((d) => d.kind === kind).map((info) => (
                <DatasetChoice key={info.id} info={info} checked={info.id === dataset} />
              ))}
            </div>
          </div>
        ))}
      </fieldset>
      <SettingSlider name="noise" />
      <SettingSlider name="trainPercent" />
      <div className="seed-row">
        <SettingNumber name="seed" />
        <button
          type="button"
          className="text-button"
          hidden={hideRegenerate}
          title="New points and new initial weights: the seed moves on to the next"
          onClick={() => act.regenerate()}
        >
          Regenerate
        </button>
      </div>
      <OwnDataControls />
    </section>
  );
}

/** A radio button showing a thumbnail of the data set (seed 1, no noise). */
function DatasetChoice({ info, checked }: { info: DatasetInfo; checked: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const points = generateDataset(info.id, new Rng(1), { samples: 240 });
    paintPoints(context, points, info.kind, { radius: 1.6, outline: false });
  }, [info]);
  return (
    <label className="dataset-choice" title={info.description}>
      <input
        type="radio"
        name="dataset"
        value={info.id}
        checked={checked}
        aria-label={info.label}
        onChange={() => act.set('dataset', info.id)}
      />
      <canvas ref={canvas} width={56} height={56} aria-hidden="true" />
      <span className="dataset-name">
        <TileName label={info.label} />
      </span>
    </label>
  );
}

/**
 * Where a one-word name wider than its tile may wrap: between the parts of a compound, never
 * inside one ("Checker / board", not "Checkerbo / ard"). Names not listed wrap at spaces only.
 */
const TILE_WRAP_AFTER: Readonly<Record<string, number>> = { Checkerboard: 'Checker'.length };

function TileName({ label }: { label: string }) {
  const at = TILE_WRAP_AFTER[label];
  if (at === undefined) return label;
  return (
    <>
      {label.slice(0, at)}
      <wbr />
      {label.slice(at)}
    </>
  );
}
