/** The lesson in progress: which, whether its goal was reached (it stays reached), hints shown. */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ExperimentResults } from '../experiment';
import type { Lesson } from '../lessons';

export interface LessonState {
  readonly lesson: Lesson | null;
  readonly reached: boolean;
  readonly hints: number;
  /** Why the last lesson file or link was refused, or null. */
  readonly refused: string | null;
  /** The experiment results shown when the lesson opened: an experiment goal wants newer ones. */
  readonly experimentAtStart: ExperimentResults | null;
}

export const lessonStore = createStore<LessonState>()(() => ({
  lesson: null,
  reached: false,
  hints: 0,
  refused: null,
  experimentAtStart: null,
}));

export function useLesson<T>(selector: (state: LessonState) => T): T {
  return useStore(lessonStore, selector);
}
