/**
 * The lesson in progress, between the header and the panels (it covers nothing): its text,
 * its goal checked live against the readouts, hints on request, and "Goal reached".
 */
import { useEffect, useState } from 'react';
import { checkGoal, describeGoal, lessonToLinkValue } from '../../lessons';
import { useExperiment, usePlayground } from '../../state';
import { lessonStore, useLesson } from '../../state';
import { experimentOutcomeSince } from './experimentOutcome';

export function LessonCard() {
  const lesson = useLesson((s) => s.lesson);
  const reached = useLesson((s) => s.reached);
  const hints = useLesson((s) => s.hints);
  const readouts = usePlayground((s) => s.readouts);
  const hidden = usePlayground((s) => s.config.hidden);
  const results = useExperiment((s) => s.results);
  const atStart = useLesson((s) => s.experimentAtStart);
  const [copied, setCopied] = useState(false);
  const experiment = experimentOutcomeSince(results, atStart);
  const status = lesson ? checkGoal(lesson.goal, { ...readouts, hidden, experiment }) : null;
  useEffect(() => {
    if (status?.kind === 'met' && !reached) lessonStore.setState({ reached: true });
  }, [status?.kind, reached]);
  if (!lesson) return null;
  const text = reached
    ? 'Goal reached! Well done.'
    : `Not yet: ${status && status.kind !== 'met' ? status.why : ''}`;
  async function copyLink() {
    if (!lesson) return;
    const url = new URL(window.location.href);
    url.hash = `${lesson.start}&lesson=${lessonToLinkValue(lesson)}`;
    try {
      await navigator.clipboard.writeText(url.toString());
      setCopied(true);
    } catch {
      window.history.replaceState(window.history.state, '', url);
    }
  }
  return (
    <section className="lesson-card" aria-labelledby="lesson-title" data-reached={reached}>
      <div className="lesson-main">
        <h2 id="lesson-title">Lesson: {lesson.title}</h2>
        {lesson.text.map((sentence, i) => (
          <p key={i}>{sentence}</p>
        ))}
        <p>
          <strong>Goal:</strong> {describeGoal(lesson.goal)}.
        </p>
        <p className="lesson-status" role="status" data-testid="lesson-status">
          {text}
        </p>
        {lesson.hints.slice(0, hints).map((hint, i) => (
          <p key={i} className="lesson-hint">
            Hint {i + 1}: {hint}
          </p>
        ))}
      </div>
      <div className="lesson-actions">
        <button
          type="button"
          className="text-button"
          disabled={hints >= lesson.hints.length}
          onClick={() => lessonStore.setState({ hints: hints + 1 })}
        >
          {hints >= lesson.hints.length ? 'No more hints' : 'Show a hint'}
        </button>
        <button type="button" className="text-button" onClick={() => void copyLink()}>
          {copied ? 'Lesson link copied' : 'Copy lesson link'}
        </button>
        <button
          type="button"
          className="text-button"
          onClick={() => lessonStore.setState({ lesson: null, reached: false, hints: 0 })}
        >
          Close lesson
        </button>
      </div>
    </section>
  );
}
