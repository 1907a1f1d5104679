import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configFromHash } from '../config';
import { experimentFromHash, splitExperiment } from '../experiment/link';
import { BUILTIN_LESSONS } from './builtin';
import { checkGoal, describeGoal } from './goal';
import { lessonFromLinkValue, lessonToLinkValue, parseLesson, parseLessonText } from './schema';

describe('the built-in lessons', () => {
  it('are at least eight valid lessons whose start links have no bad field', () => {
    expect(BUILTIN_LESSONS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(BUILTIN_LESSONS.map((l) => l.id)).size).toBe(BUILTIN_LESSONS.length);
    for (const lesson of BUILTIN_LESSONS) {
      expect(parseLesson(lesson), lesson.id).toEqual({ ok: true, lesson });
      expect(configFromHash(splitExperiment(lesson.start).rest).ignored, lesson.id).toEqual([]);
      // A start that sets the Experiment dialog up has nothing in it the dialog drops.
      if (splitExperiment(lesson.start).experiment !== null)
        expect(experimentFromHash(lesson.start).notes, lesson.id).toEqual([]);
    }
  });
});

describe('lesson files', () => {
  it('are refused with a message naming the field', () => {
    const lesson = BUILTIN_LESSONS[0];
    const bad = { ...lesson, goal: { metric: 'speed', below: 1 } };
    const parsed = parseLesson(bad);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/^Not a lesson file: goal\.metric: /);
    const noGoal = parseLesson({ ...lesson, goal: { metric: 'testLoss' } });
    expect(!noGoal.ok && noGoal.message).toContain('exactly one of "below" and "above"');
    expect(parseLessonText('{').ok).toBe(false);
    expect(parseLesson({ ...lesson, extra: 1 }).ok).toBe(false);
  });

  it('may have a goal of the experiment kind, and older files without a kind still load', () => {
    const experiment = { ...BUILTIN_LESSONS[0], goal: { kind: 'experiment', minSeeds: 5 } };
    expect(parseLesson(experiment).ok).toBe(true);
    const readout = {
      ...BUILTIN_LESSONS[0],
      goal: { kind: 'readout', metric: 'testLoss', below: 1 },
    };
    expect(parseLesson(readout).ok).toBe(true);
    const noSeeds = parseLesson({ ...experiment, goal: { kind: 'experiment' } });
    expect(!noSeeds.ok && noSeeds.message).toMatch(/^Not a lesson file: goal\.minSeeds: /);
    const mixed = parseLesson({
      ...experiment,
      goal: { kind: 'experiment', minSeeds: 5, below: 1 },
    });
    expect(mixed.ok).toBe(false);
    expect(parseLesson({ ...experiment, goal: { kind: 'quiz', minSeeds: 5 } }).ok).toBe(false);
  });

  it('include the README\u2019s worked example, which loads', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const teachers = readme.slice(readme.indexOf('**Lessons.**'));
    const example = /```json\n([\s\S]*?)```/.exec(teachers)?.[1] ?? '';
    const parsed = parseLessonText(example);
    expect(parsed.ok && parsed.lesson.id).toBe('my-circle');
    if (parsed.ok) expect(configFromHash(parsed.lesson.start).ignored).toEqual([]);
  });

  it('travel in a link and come back equal', () => {
    const lesson = BUILTIN_LESSONS[1];
    expect(lessonFromLinkValue(lessonToLinkValue(lesson!))).toEqual({ ok: true, lesson });
    expect(lessonFromLinkValue('!!').ok).toBe(false);
  });
});

describe('goals', () => {
  const goal = { metric: 'testLoss', below: 0.1, withinEpochs: 300, maxNeurons: 6 } as const;
  const base = { epoch: 100, trainLoss: 0.05, testLoss: 0.05, trainAccuracy: 1, testAccuracy: 1 };

  it('are met below the bound within the epochs with few enough neurons', () => {
    expect(checkGoal(goal, { ...base, hidden: [['tanh', 'tanh']] }).kind).toBe('met');
    expect(describeGoal(goal)).toBe(
      'test loss below 0.1 within 300 epochs with at most 6 hidden neurons',
    );
  });

  it('are not met before training, above the bound, with too many neurons, or too late', () => {
    expect(checkGoal(goal, { ...base, epoch: 0, hidden: [['tanh']] }).kind).toBe('pending');
    expect(checkGoal(goal, { ...base, testLoss: 0.2, hidden: [['tanh']] }).kind).toBe('pending');
    expect(checkGoal(goal, { ...base, hidden: [Array(7).fill('tanh')] }).kind).toBe('pending');
    expect(checkGoal(goal, { ...base, epoch: 301, hidden: [['tanh']] }).kind).toBe('missed');
    expect(
      checkGoal({ ...goal, allActivation: 'relu' }, { ...base, hidden: [['tanh']] }).kind,
    ).toBe('pending');
  });
});

describe('experiment goals', () => {
  const goal = { kind: 'experiment', minSeeds: 5 } as const;
  const base = {
    epoch: 0,
    trainLoss: NaN,
    testLoss: NaN,
    trainAccuracy: NaN,
    testAccuracy: NaN,
    hidden: [['tanh']],
  };

  it('are met once an experiment of enough seeds and two variants ran to the end', () => {
    const experiment = { complete: true, seeds: 5, variants: 2 };
    expect(checkGoal(goal, { ...base, experiment }).kind).toBe('met');
    expect(describeGoal(goal)).toBe(
      'run an experiment to the end with at least 5 seeds comparing at least 2 variants, and read its verdict',
    );
  });

  it('are not met without an experiment, with too few seeds or variants, or before its end', () => {
    expect(checkGoal(goal, base)).toEqual({
      kind: 'pending',
      why: 'press Experiment and run an experiment',
    });
    const done = { complete: true, seeds: 5, variants: 2 };
    const few = checkGoal(goal, { ...base, experiment: { ...done, seeds: 3 } });
    expect(few).toEqual({
      kind: 'pending',
      why: 'the last experiment had 3 seeds; use at least 5',
    });
    expect(checkGoal(goal, { ...base, experiment: { ...done, variants: 1 } }).kind).toBe('pending');
    expect(checkGoal(goal, { ...base, experiment: { ...done, complete: false } }).kind).toBe(
      'pending',
    );
  });
});
