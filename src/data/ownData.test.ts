import { describe, expect, it } from 'vitest';
import { datasetForTask, ownDataProblems, parseCsv } from './ownData';

describe('parseCsv', () => {
  it('reads two classes as -1 and +1 in sorted order', () => {
    const data = parseCsv('x1,x2,label\n1,2,0\n-1,-2,1\n0.5,0.5,0\n');
    expect(data.errors).toEqual([]);
    expect(data.kind).toBe('binary');
    expect(data.points).toEqual([
      { x: 1, y: 2, label: -1 },
      { x: -1, y: -2, label: 1 },
      { x: 0.5, y: 0.5, label: -1 },
    ]);
  });

  it('reads 3 named classes as indices and many numbers as regression targets', () => {
    const named = parseCsv('x1,x2,label\n0,0,cat\n1,1,dog\n2,2,bird\n');
    expect(named.kind).toBe('multiclass');
    expect(named.classNames).toEqual(['bird', 'cat', 'dog']);
    expect(named.points.map((p) => p.label)).toEqual([1, 2, 0]);
    const numbers = parseCsv('x1,x2,label\n0,0,0.5\n1,1,-0.25\n2,2,1\n');
    expect(numbers.kind).toBe('regression');
    expect(numbers.points.map((p) => p.label)).toEqual([0.5, -0.25, 1]);
  });

  it('rescales coordinates beyond the plane by one factor into it', () => {
    const data = parseCsv('x1,x2,label\n12,0,1\n-6,3,2\n');
    expect(data.scale).toBe(0.5);
    expect(data.points.map((p) => [p.x, p.y])).toEqual([
      [6, 0],
      [-3, 1.5],
    ]);
  });

  it('names the line and the reason of every bad row, and keeps the good ones', () => {
    const data = parseCsv('x1,x2,label\n1,2,0\n1,2\nabc,2,1\n3,,1\n4,4,\n5,5,1\n');
    expect(data.errors).toEqual([
      { line: 3, reason: '2 fields, not 3 (x1,x2,label)' },
      { line: 4, reason: 'x1 "abc" is not a number' },
      { line: 5, reason: 'x2 "" is not a number' },
      { line: 6, reason: 'the label is empty' },
    ]);
    expect(data.points).toHaveLength(2);
    expect(parseCsv('a,b,c\n1,2,0').errors[0]?.line).toBe(1);
    expect(parseCsv('x1,x2,label\n0,0,a\n0,0,b\n0,0,c\n0,0,d\n0,0,e').errors[0]?.reason).toMatch(
      /5 different class names/,
    );
  });
});

describe('own data', () => {
  it('must fit the plane and the task of the data set', () => {
    expect(ownDataProblems([{ x: 1, y: 1, label: 1 }], 'circle')).toEqual([]);
    expect(ownDataProblems([{ x: 7, y: 1, label: 1 }], 'circle')[0]).toMatch(/plane/);
    expect(ownDataProblems([{ x: 1, y: 1, label: 0 }], 'circle')[0]).toMatch(/label/);
    expect(ownDataProblems([{ x: 1, y: 1, label: 2 }], 'spiral3')).toEqual([]);
    expect(ownDataProblems([{ x: 1, y: 1, label: 3 }], 'spiral3')[0]).toMatch(/label/);
    expect(ownDataProblems([{ x: 1, y: 1, label: 0.3 }], 'reg-plane')).toEqual([]);
    expect(ownDataProblems('nope', 'circle')).toHaveLength(1);
  });

  it('trains as the current data set when its task fits, else as the first that does', () => {
    expect(datasetForTask('xor', 'binary', 2)).toBe('xor');
    expect(datasetForTask('xor', 'multiclass', 4)).toBe('blobs4');
    expect(datasetForTask('xor', 'regression', 0)).toBe('reg-plane');
  });
});
