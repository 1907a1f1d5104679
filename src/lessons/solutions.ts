/**
 * What each built-in lesson's hints ask a class to do, as data: the settings to change over
 * the lesson's start (link fields), or the experiment to run. solutions.test.ts applies each
 * to its lesson and trains in the engine to check the goal is reachable, and that the start
 * itself falls short where the lesson says so. A new built-in lesson needs its row here.
 */

export interface LessonSolution {
  /** Link fields laid over the lesson's start, e.g. "net=tanh,tanh,tanh&init=xavier". */
  readonly change: string;
  /** The lesson's start reaches the goal unchanged (the lesson says any setting can). */
  readonly startReaches: boolean;
  /** For an experiment goal: the seeds the class sets before pressing Run experiment. */
  readonly experimentSeeds?: number;
}

const TANH_5X3 = Array.from({ length: 5 }, () => 'tanh,tanh,tanh').join(';');

export const LESSON_SOLUTIONS: Readonly<Record<string, LessonSolution>> = {
  'one-neuron': { change: 'net=gaussian', startReaches: true },
  'uniform-layer': { change: 'net=tanh,tanh,tanh', startReaches: false },
  'dying-relu': { change: 'lr=0.03', startReaches: false },
  'saturating-sigmoid': { change: `net=${TANH_5X3}`, startReaches: false },
  'sine-spiral': { change: 'net=sin,tanh,tanh,tanh;tanh,tanh,tanh,tanh', startReaches: false },
  'init-suits': { change: 'init=xavier', startReaches: false },
  'mixing-helps': { change: 'net=gaussian,tanh', startReaches: false },
  'why-libraries': { change: 'net=relu,relu,relu,relu', startReaches: false },
  'is-it-luck': { change: '', startReaches: false, experimentSeeds: 5 },
  'let-it-choose': {
    change: 'net=mixture,mixture,mixture,mixture;mixture,mixture,mixture,mixture',
    startReaches: false,
  },
};

/** `start` with the fields of `change` set over it (a field of `change` replaces its key). */
export function applyChange(start: string, change: string): string {
  const fields = new Map<string, string>();
  for (const part of [start, change]) {
    for (const field of part.replace(/^#/, '').split('&')) {
      if (!field) continue;
      const eq = field.indexOf('=');
      fields.set(eq < 0 ? field : field.slice(0, eq), eq < 0 ? '' : field.slice(eq + 1));
    }
  }
  return '#' + [...fields].map(([key, value]) => `${key}=${value}`).join('&');
}
