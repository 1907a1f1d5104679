/** Starts a lesson: its settings, epoch 0, paused; and opens the lesson a lesson= link names. */
import { useCallback, useEffect } from 'react';
import { BUILTIN_LESSONS, lessonFromLinkValue, type Lesson } from '../../lessons';
import { experimentController, playgroundActions as act } from '../../state';
import { useRuntime } from '../runtime';
import { lessonStore } from '../../state';

/** The `lesson=` value of `hash`: a built-in lesson's id or a lesson in base64url. */
export function lessonOfHash(hash: string): { lesson: Lesson } | { refused: string } | null {
  const field = hash
    .replace(/^#/, '')
    .split('&')
    .find((segment) => segment.startsWith('lesson='));
  if (!field) return null;
  const value = field.slice('lesson='.length);
  const builtin = BUILTIN_LESSONS.find((l) => l.id === value);
  if (builtin) return { lesson: builtin };
  const parsed = lessonFromLinkValue(value);
  return parsed.ok ? { lesson: parsed.lesson } : { refused: parsed.message };
}

export function useLessonStarter(): (lesson: Lesson) => void {
  const { connection } = useRuntime();
  return useCallback(
    (lesson: Lesson) => {
      act.setRunning(false);
      act.loadFromHash(lesson.start);
      // A start with `exp=` sets the Experiment dialog up too, closed: the class reads first.
      experimentController.loadLink(lesson.start, false);
      connection.reset();
      lessonStore.setState({
        lesson,
        reached: false,
        hints: 0,
        refused: null,
        experimentAtStart: experimentController.store.getState().results,
      });
    },
    [connection],
  );
}

/**
 * Opens the lesson a link names: the one the page starts with, and one pasted into the
 * address of the open page later (a hashchange; the page's own address updates use
 * replaceState, which fires none).
 */
export function useLessonFromLink(): void {
  const start = useLessonStarter();
  useEffect(() => {
    const openFromAddress = () => {
      const found = lessonOfHash(window.location.hash);
      if (!found) return;
      if ('lesson' in found) start(found.lesson);
      else lessonStore.setState({ refused: found.refused });
    };
    openFromAddress();
    window.addEventListener('hashchange', openFromAddress);
    return () => window.removeEventListener('hashchange', openFromAddress);
  }, [start]);
}
