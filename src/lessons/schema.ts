/**
 * A lesson as plain data: a teacher writes one as a small JSON file, loads it from a file or a
 * link, and shares it. Parsed with a schema at the edge, like a link: a file that does not fit
 * is refused with a message naming the field and the problem.
 *
 *   { "version": 1, "id": "one-neuron", "title": "What one neuron does",
 *     "text": ["…", "…"], "start": "#dataset=gauss&net=tanh",
 *     "goal": { "metric": "testLoss", "below": 0.1, "withinEpochs": 300, "maxNeurons": 6 },
 *     "hints": ["…"] }
 *
 * A goal is about a readout (`metric` with `below` or `above`, as above) or, with
 * `"kind": "experiment"`, about the Experiment dialog: `{ "kind": "experiment", "minSeeds": 5 }`.
 */
import * as v from 'valibot';

/** The readouts a goal can be about. Losses must go below, accuracies above. */
export const GOAL_METRICS = ['testLoss', 'trainLoss', 'testAccuracy', 'trainAccuracy'] as const;

/** A goal on a readout of the playground (the first kind; `kind` may be left out). */
const ReadoutGoalSchema = v.strictObject({
  kind: v.optional(v.literal('readout')),
  metric: v.picklist(GOAL_METRICS),
  below: v.optional(v.pipe(v.number(), v.finite())),
  above: v.optional(v.pipe(v.number(), v.finite())),
  /** The goal counts only when met by this epoch. */
  withinEpochs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  /** At most this many hidden neurons when it is met. */
  maxNeurons: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  /** Every hidden neuron must have this activation (an id such as "relu"). */
  allActivation: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9_]+$/))),
});

/**
 * A goal on the Experiment dialog: an experiment started after the lesson opened has run to
 * the end (not cancelled) with at least `minSeeds` seeds and `minVariants` variants (2 when
 * left out), so its verdict compares them.
 */
const ExperimentGoalSchema = v.strictObject({
  kind: v.literal('experiment'),
  minSeeds: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)),
  minVariants: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(6))),
});

const GoalSchema = v.pipe(
  v.variant('kind', [ReadoutGoalSchema, ExperimentGoalSchema]),
  v.check(
    (goal) =>
      goal.kind === 'experiment' || (goal.below === undefined) !== (goal.above === undefined),
    'give exactly one of "below" and "above"',
  ),
);

export const LessonSchema = v.strictObject({
  version: v.literal(1),
  id: v.pipe(
    v.string(),
    v.regex(/^[a-z0-9-]{1,40}$/, 'use 1 to 40 lowercase letters, digits or "-"'),
  ),
  title: v.pipe(v.string(), v.minLength(1), v.maxLength(80)),
  text: v.pipe(
    v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(600))),
    v.minLength(1),
    v.maxLength(8),
  ),
  /** The starting state: a link's hash of settings. */
  start: v.pipe(v.string(), v.startsWith('#'), v.maxLength(2000)),
  goal: GoalSchema,
  /** Shown one at a time, on request. */
  hints: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(400))), v.maxLength(6)),
});

export type Lesson = v.InferOutput<typeof LessonSchema>;
export type LessonGoal = Lesson['goal'];
export type ReadoutGoal = v.InferOutput<typeof ReadoutGoalSchema>;
export type ExperimentGoal = v.InferOutput<typeof ExperimentGoalSchema>;

export type LessonParse =
  { readonly ok: true; readonly lesson: Lesson } | { readonly ok: false; readonly message: string };

/** A lesson from parsed JSON, or why not: "goal.below: …" naming the field. */
export function parseLesson(data: unknown): LessonParse {
  const result = v.safeParse(LessonSchema, data);
  if (result.success) return { ok: true, lesson: result.output };
  const issue = result.issues[0];
  const path = issue ? (v.getDotPath(issue) ?? '') : '';
  const where = path ? `${path}: ` : '';
  return { ok: false, message: `Not a lesson file: ${where}${issue?.message ?? 'invalid'}` };
}

/** A lesson from a file's text (JSON), or why not. */
export function parseLessonText(text: string): LessonParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `Not a lesson file: not JSON (${(error as Error).message})` };
  }
  return parseLesson(data);
}

/** The lesson as text for a link (base64url of its JSON). */
export function lessonToLinkValue(lesson: Lesson): string {
  const bytes = new TextEncoder().encode(JSON.stringify(lesson));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A lesson from a link value made by lessonToLinkValue, or why not. */
export function lessonFromLinkValue(value: string): LessonParse {
  try {
    const binary = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return parseLessonText(new TextDecoder().decode(bytes));
  } catch {
    return { ok: false, message: 'Not a lesson link: the lesson= value is not base64url' };
  }
}
