/**
 * Your own data: Draw data (clicks on the output heatmap add points of the chosen class or
 * value; shift-click or Remove points deletes the nearest), Upload CSV (x1,x2,label with a
 * header, previewed with its bad rows named), and Clear data. Own data is not in the link.
 */
import { useState } from 'react';
import { datasetForTask, datasetInfo, parseCsv, type CsvData } from '../../data';
import { playgroundActions as act, playgroundStore, usePlayground } from '../../state';

/** Rows of an uploaded file shown before it is used. */
const PREVIEW_ROWS = 5;
/** Bad rows listed at most. */
const ERROR_ROWS = 8;

export function OwnDataControls() {
  const drawing = usePlayground((s) => s.drawing);
  const count = usePlayground((s) => s.ownData?.length ?? null);
  const dataset = usePlayground((s) => s.config.dataset);
  const info = datasetInfo(dataset);
  const [csv, setCsv] = useState<{ name: string; data: CsvData } | null>(null);

  async function upload(file: File) {
    const data = parseCsv(await file.text());
    setCsv({ name: file.name, data });
  }

  function useCsv() {
    if (!csv) return;
    const { data } = csv;
    const target = datasetForTask(
      playgroundStore.getState().config.dataset,
      data.kind,
      data.classes,
    );
    if (!act.setOwnData(data.points, target)) {
      act.pushNotice('error', `The points of "${csv.name}" could not be used.`);
      return;
    }
    if (data.scale !== 1) {
      act.pushNotice(
        'info',
        `The coordinates of "${csv.name}" went beyond -6 to 6; they were scaled by ${data.scale.toPrecision(3)} to fit.`,
      );
    }
    setCsv(null);
  }

  return (
    <fieldset className="own-data">
      <legend>Your own data</legend>
      <p className="own-data-status" role="status">
        {count === null ? 'Generated points' : `Your ${count} ${count === 1 ? 'point' : 'points'}`}
      </p>
      <label className="toggle">
        <input
          type="checkbox"
          checked={drawing.active}
          onChange={(e) => act.setDrawing({ active: e.currentTarget.checked })}
        />
        Draw data
      </label>
      {drawing.active && (
        <div className="draw-options">
          {info.kind === 'regression' ? (
            <label>
              Point value
              <input
                type="number"
                step="0.1"
                value={drawing.label}
                onChange={(e) => {
                  const value = Number(e.currentTarget.value);
                  if (Number.isFinite(value)) act.setDrawing({ label: value });
                }}
              />
            </label>
          ) : (
            <label>
              Point class
              <select
                value={classValue(drawing.label, info.kind, info.classes)}
                onChange={(e) => act.setDrawing({ label: Number(e.currentTarget.value) })}
              >
                {classOptions(info.kind, info.classes).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="toggle">
            <input
              type="checkbox"
              checked={drawing.removing}
              onChange={(e) => act.setDrawing({ removing: e.currentTarget.checked })}
            />
            Remove points
          </label>
          <p className="hint">Click the output to add a point; shift-click removes one.</p>
        </div>
      )}
      <label className="file-label">
        Upload CSV
        <input
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void upload(file);
          }}
        />
      </label>
      {csv && (
        <CsvPreview name={csv.name} data={csv.data} onUse={useCsv} onCancel={() => setCsv(null)} />
      )}
      <div className="own-data-buttons">
        <button type="button" className="text-button" onClick={() => act.setOwnData([])}>
          Clear data
        </button>
        <button
          type="button"
          className="text-button"
          disabled={count === null}
          onClick={() => act.setOwnData(null)}
        >
          Generated data
        </button>
      </div>
    </fieldset>
  );
}

/** The value the class chooser shows for `label` (a label of another task shows the first). */
function classValue(label: number, kind: 'binary' | 'multiclass', classes: number): number {
  if (kind === 'binary') return label > 0 ? 1 : -1;
  return Number.isInteger(label) && label >= 0 && label < classes ? label : 0;
}

function classOptions(kind: 'binary' | 'multiclass', classes: number): [number, string][] {
  if (kind === 'binary') {
    return [
      [1, 'Class +1 (blue)'],
      [-1, 'Class −1 (orange)'],
    ];
  }
  return Array.from({ length: classes }, (_, k) => [k, `Class ${k + 1}`] as [number, string]);
}

function CsvPreview(props: {
  name: string;
  data: CsvData;
  onUse: () => void;
  onCancel: () => void;
}) {
  const { name, data } = props;
  const task =
    data.kind === 'regression'
      ? 'numbers (regression)'
      : `${data.classes} classes: ${data.classNames.join(', ')}`;
  return (
    <div className="csv-preview" role="region" aria-label="CSV preview">
      <p>
        {name}: {data.points.length} points, labels as {task}
        {data.scale !== 1 ? `; scaled by ${data.scale.toPrecision(3)} to fit -6 to 6` : ''}.
      </p>
      {data.points.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>x1</th>
              <th>x2</th>
              <th>label</th>
            </tr>
          </thead>
          <tbody>
            {data.points.slice(0, PREVIEW_ROWS).map((p, i) => (
              <tr key={i}>
                <td>{round(p.x)}</td>
                <td>{round(p.y)}</td>
                <td>{round(p.label)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.errors.length > 0 && (
        <ul className="csv-errors" aria-label="Rows that could not be read">
          {data.errors.slice(0, ERROR_ROWS).map((e) => (
            <li key={`${e.line}-${e.reason}`}>
              Line {e.line}: {e.reason}
            </li>
          ))}
          {data.errors.length > ERROR_ROWS && <li>…and {data.errors.length - ERROR_ROWS} more</li>}
        </ul>
      )}
      <button
        type="button"
        className="text-button"
        disabled={data.points.length === 0 || data.errors.some((e) => e.line === 1)}
        onClick={props.onUse}
      >
        Use these points
      </button>
      <button type="button" className="text-button" onClick={props.onCancel}>
        Cancel
      </button>
    </div>
  );
}

function round(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
