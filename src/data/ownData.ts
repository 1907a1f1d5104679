/**
 * A person's own data: points they drew or uploaded, trained on in place of a generated set.
 * Own points follow the task of a data set (see datasets.ts): labels ±1 for two classes,
 * class indices for several, real targets for regression; coordinates within the plane.
 */
import { GRID_EXTENT } from '../nn';
import { DATASETS, datasetInfo, type DatasetId, type TaskKind } from './datasets';
import type { Point } from './point';

/** Most own points at once (drawn or uploaded). */
export const MAX_OWN_POINTS = 2000;

/** Every way `points` cannot be data of `dataset`'s task, one sentence each (at most a few). */
export function ownDataProblems(points: unknown, dataset: DatasetId): string[] {
  if (!Array.isArray(points)) return ['own data is not a list of points'];
  if (points.length > MAX_OWN_POINTS) return [`own data has more than ${MAX_OWN_POINTS} points`];
  const info = datasetInfo(dataset);
  const problems: string[] = [];
  points.forEach((p: unknown, i) => {
    if (problems.length >= 3) return;
    const point = p as Partial<Point> | null;
    const x = point?.x;
    const y = point?.y;
    const label = point?.label;
    const inPlane = (v: unknown) =>
      typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= GRID_EXTENT;
    if (!inPlane(x) || !inPlane(y)) {
      problems.push(`point ${i + 1} is not within the plane (-${GRID_EXTENT} to ${GRID_EXTENT})`);
    } else if (!labelFits(label, info.kind, info.classes)) {
      problems.push(`point ${i + 1} has a label that is not one of the task's`);
    }
  });
  return problems;
}

function labelFits(label: unknown, kind: TaskKind, classes: number): boolean {
  if (typeof label !== 'number' || !Number.isFinite(label)) return false;
  if (kind === 'binary') return label === 1 || label === -1;
  if (kind === 'multiclass') return Number.isInteger(label) && label >= 0 && label < classes;
  return Math.abs(label) <= 1e6;
}

/** The data set whose task own data of `kind` with `classes` classes trains as; `current` if it fits. */
export function datasetForTask(current: DatasetId, kind: TaskKind, classes: number): DatasetId {
  const fits = (id: DatasetId) => {
    const info = datasetInfo(id);
    return info.kind === kind && (kind !== 'multiclass' || info.classes === classes);
  };
  if (fits(current)) return current;
  const found = DATASETS.find((d) => fits(d.id));
  if (!found) throw new RangeError(`no data set has ${classes} classes`);
  return found.id;
}

/** A bad line of a CSV file: its number (from 1, the header being line 1) and why. */
export interface CsvError {
  readonly line: number;
  readonly reason: string;
}

export interface CsvData {
  readonly points: Point[];
  readonly kind: TaskKind;
  /** Classes for binary and multiclass data (2 to 4), 0 for regression. */
  readonly classes: number;
  /** The class names in label order (classes only): label 0 (or -1) is the first. */
  readonly classNames: readonly string[];
  /** The factor coordinates were multiplied by to fit the plane (1 when they fitted). */
  readonly scale: number;
  readonly errors: readonly CsvError[];
}

/**
 * Reads `x1,x2,label` CSV text with a header line. Labels that are all numbers and take more
 * than 4 values (or any non-integer) are regression targets; otherwise 2 to 4 distinct labels
 * (numbers or names) are classes, in sorted order (for two: the first is -1, the second +1).
 * Coordinates beyond the plane are all scaled by one factor to fit it.
 */
export function parseCsv(text: string): CsvData {
  const lines = text.split(/\r?\n/);
  const errors: CsvError[] = [];
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  if (header.join(',') !== 'x1,x2,label') {
    errors.push({ line: 1, reason: 'the first line must be the header x1,x2,label' });
  }
  const rows: { x: number; y: number; label: string }[] = [];
  lines.slice(1).forEach((raw, i) => {
    const line = i + 2;
    if (raw.trim() === '') return;
    const fields = raw.split(',').map((f) => f.trim());
    if (fields.length !== 3) {
      errors.push({ line, reason: `${fields.length} fields, not 3 (x1,x2,label)` });
      return;
    }
    const [xs, ys, label] = fields as [string, string, string];
    const x = Number(xs);
    const y = Number(ys);
    if (xs === '' || !Number.isFinite(x))
      errors.push({ line, reason: `x1 "${xs}" is not a number` });
    else if (ys === '' || !Number.isFinite(y))
      errors.push({ line, reason: `x2 "${ys}" is not a number` });
    else if (label === '') errors.push({ line, reason: 'the label is empty' });
    else rows.push({ x, y, label });
  });
  if (rows.length > MAX_OWN_POINTS) {
    errors.push({ line: MAX_OWN_POINTS + 2, reason: `more than ${MAX_OWN_POINTS} points` });
  }
  const distinct = [...new Set(rows.map((r) => r.label))];
  const numeric = distinct.every((l) => Number.isFinite(Number(l)));
  const integers = numeric && distinct.every((l) => Number.isInteger(Number(l)));
  const asClasses = distinct.length >= 2 && distinct.length <= 4 && (!numeric || integers);
  if (!asClasses && !numeric) {
    errors.push({
      line: 1,
      reason: `${distinct.length} different class names: 2 to 4 are possible`,
    });
  }
  const names = asClasses
    ? numeric
      ? distinct.sort((a, b) => Number(a) - Number(b))
      : distinct.sort()
    : [];
  const kind: TaskKind = asClasses ? (names.length === 2 ? 'binary' : 'multiclass') : 'regression';
  const far = Math.max(0, ...rows.map((r) => Math.max(Math.abs(r.x), Math.abs(r.y))));
  const scale = far > GRID_EXTENT ? GRID_EXTENT / far : 1;
  const points = rows.map((r) => {
    const index = names.indexOf(r.label);
    const label =
      kind === 'regression' ? Number(r.label) : kind === 'binary' ? index * 2 - 1 : index;
    // Clamped: far · (extent / far) may round a hair past the extent.
    const fit = (v: number) => Math.max(-GRID_EXTENT, Math.min(GRID_EXTENT, v * scale));
    return { x: fit(r.x), y: fit(r.y), label };
  });
  return { points, kind, classes: asClasses ? names.length : 0, classNames: names, scale, errors };
}
