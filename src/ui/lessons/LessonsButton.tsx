/** "Lessons": the list of lessons (one button per lesson) and a way to load a teacher's file. */
import { useEffect, useId, useRef, useState } from 'react';
import { BUILTIN_LESSONS, parseLessonText } from '../../lessons';
import { lessonStore, useLesson } from '../../state';
import { useLessonStarter } from './useLessonStarter';

export function LessonsButton() {
  const [open, setOpen] = useState(false);
  const start = useLessonStarter();
  const refused = useLesson((s) => s.refused);
  const menu = useRef<HTMLDivElement>(null);
  const fileId = useId();
  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector('button')?.focus();
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  async function loadFile(file: File | undefined) {
    if (!file) return;
    const parsed = parseLessonText(await file.text());
    if (parsed.ok) {
      start(parsed.lesson);
      setOpen(false);
    } else lessonStore.setState({ refused: parsed.message });
  }
  return (
    <div className="lessons-anchor">
      <button
        type="button"
        className="text-button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        Lessons
      </button>
      {open && (
        <div ref={menu} className="lessons-menu" role="dialog" aria-label="Choose a lesson">
          <ul className="lessons-list" aria-label="Lessons">
            {BUILTIN_LESSONS.map((lesson) => (
              <li key={lesson.id}>
                <button
                  type="button"
                  className="text-button"
                  onClick={() => {
                    start(lesson);
                    setOpen(false);
                  }}
                >
                  {lesson.title}
                </button>
              </li>
            ))}
          </ul>
          <label htmlFor={fileId}>Load a lesson file (JSON)</label>
          <input
            id={fileId}
            type="file"
            accept="application/json,.json"
            onChange={(event) => void loadFile(event.currentTarget.files?.[0])}
          />
          {refused && (
            <p className="field-error" role="alert">
              {refused}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
