import { describe, expect, it } from 'vitest';
import { configFromHash } from '../config';
import { BUILTIN_LESSONS } from './builtin';
import { checkGoal, describeGoal } from './goal';
import { lessonFromLinkValue, lessonToLinkValue, parseLesson, parseLessonText } from './schema';

describe('the built-in lessons', () => {
  it('are at least eight valid lessons whose start links have no bad field', () => {
    expect(BUILTIN_LESSONS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(BUILTIN_LESSONS.map((l) => l.id)).size).toBe(BUILTIN_LESSONS.length);
    for (const lesson of BUILTIN_LESSONS) {
      expect(parseLesson(lesson), lesson.id).toEqual({ ok: true, lesson });
      expect(configFromHash(lesson.start).ignored, lesson.id).toEqual([]);
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
