/**
 * The network file: one JSON document with everything needed to go on exactly where a page
 * was: the configuration (every neuron's activation included), the training state (weights,
 * biases, optimizer moments and counters, epoch, shuffle order and generator: SessionState),
 * the loss curve, and the person's own data when they trained on it. Files are an edge like the link: `readNetworkFile` parses with a schema
 * into a valid network or refuses with one sentence, never a half-read state.
 *
 * The layout is documented in the README ("Network files"); a change of layout is a new
 * `version`, and a reader refuses versions it does not know.
 */
import * as v from 'valibot';
import {
  DEFAULT_CONFIG,
  SETTING_KEYS,
  configProblems,
  type PlaygroundConfig,
  type SettingKey,
} from '../config';
import { MAX_OWN_POINTS, ownDataProblems, type Point } from '../data';
import { buildSession } from '../worker/session';
import {
  SESSION_STATE_VERSION,
  sessionStateProblems,
  type SessionState,
} from '../worker/sessionState';

export const NETWORK_FILE_FORMAT = 'activation-playground-network';
export const NETWORK_FILE_VERSION = 1;

/** Longest array a file may hold (far above the largest network or data set), and its size. */
export const MAX_FILE_ARRAY = 200_000;
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

/** The loss curve as the page shows it: parallel arrays, epochs increasing. */
export interface LossCurve {
  readonly epochs: readonly number[];
  readonly trainLoss: readonly number[];
  readonly testLoss: readonly number[];
}

export interface NetworkFile {
  readonly format: typeof NETWORK_FILE_FORMAT;
  readonly version: typeof NETWORK_FILE_VERSION;
  /** When it was saved (ISO 8601); for people, not read back. */
  readonly savedAt: string;
  readonly config: PlaygroundConfig;
  readonly state: SessionState;
  readonly history: LossCurve;
  /** The person's own points (x, y, label) trained on instead of generated data, or null. */
  readonly data: readonly Point[] | null;
}

export type ReadResult =
  | { readonly ok: true; readonly file: NetworkFile }
  | { readonly ok: false; readonly message: string };

const finite = v.pipe(v.number(), v.finite());
const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const numbers = v.pipe(v.array(finite), v.maxLength(MAX_FILE_ARRAY));
const counts = v.pipe(v.array(count), v.maxLength(MAX_FILE_ARRAY));

const trainingSchema = v.strictObject({
  optimizer: v.variant('name', [
    v.strictObject({ name: v.literal('sgd'), learningRate: finite, momentum: finite }),
    v.strictObject({
      name: v.literal('adam'),
      learningRate: finite,
      beta1: finite,
      beta2: finite,
      epsilon: finite,
    }),
  ]),
  regularization: v.strictObject({
    name: v.picklist(['none', 'l1', 'l2']),
    rate: finite,
  }),
});

const stateSchema = v.strictObject({
  version: v.literal(SESSION_STATE_VERSION),
  epoch: count,
  sizes: v.pipe(v.array(count), v.maxLength(64)),
  weights: numbers,
  biases: numbers,
  optimizer: v.strictObject({
    training: trainingSchema,
    moment1Weights: numbers,
    moment1Biases: numbers,
    moment2Weights: numbers,
    moment2Biases: numbers,
    adamSteps: count,
  }),
  // Absent in files saved before learned activations (they keep their defaults then).
  activationParams: v.optional(
    v.strictObject({ values: numbers, moment1: numbers, moment2: numbers }),
  ),
  stepCount: count,
  examplesSeen: count,
  order: counts,
  shuffleRng: v.pipe(v.array(count), v.length(4)),
  stats: v.nullable(
    v.strictObject({
      preMin: numbers,
      preMax: numbers,
      gradAbsSum: numbers,
      examples: count,
    }),
  ),
});

/**
 * The configuration's fields are checked by the settings table; here only that no others.
 * Settings added after files were first written, absent in older files, take their defaults.
 */
const ADDED_SETTINGS = ['mixPalette'] as const satisfies readonly SettingKey[];
const configSchema = v.strictObject(
  Object.fromEntries(
    SETTING_KEYS.map((key) => [
      key,
      (ADDED_SETTINGS as readonly string[]).includes(key)
        ? v.optional(v.unknown(), () => DEFAULT_CONFIG[key])
        : v.unknown(),
    ]),
  ) as Record<(typeof SETTING_KEYS)[number], v.UnknownSchema>,
);

const fileSchema = v.strictObject({
  format: v.literal(NETWORK_FILE_FORMAT),
  version: v.literal(NETWORK_FILE_VERSION),
  savedAt: v.pipe(v.string(), v.maxLength(100)),
  config: configSchema,
  state: stateSchema,
  history: v.strictObject({ epochs: numbers, trainLoss: numbers, testLoss: numbers }),
  data: v.nullable(
    v.pipe(
      v.array(v.strictObject({ x: finite, y: finite, label: finite })),
      v.maxLength(MAX_OWN_POINTS),
    ),
  ),
});

/** The file of a network: `config` as trained, `state` its training, `history` its loss curve. */
export function makeNetworkFile(
  config: PlaygroundConfig,
  state: SessionState,
  data: readonly Point[] | null,
  history: LossCurve,
  savedAt = new Date(),
): NetworkFile {
  return {
    format: NETWORK_FILE_FORMAT,
    version: NETWORK_FILE_VERSION,
    savedAt: savedAt.toISOString(),
    config,
    state,
    history: {
      epochs: Array.from(history.epochs),
      trainLoss: Array.from(history.trainLoss),
      testLoss: Array.from(history.testLoss),
    },
    data: data === null ? null : data.map(({ x, y, label }) => ({ x, y, label })),
  };
}

/** The file's text: JSON, whose doubles read back as the same doubles. */
export function writeNetworkFile(file: NetworkFile): string {
  return JSON.stringify(file, null, 1);
}

/**
 * Parses a network file's text, checking everything a network needs: the layout, that every
 * number is finite and in range, the configuration by the settings table, and that the
 * training state fits the network and data the configuration builds.
 * @returns the file, or one sentence saying why it was refused (it mentions "file")
 */
export function readNetworkFile(text: string): ReadResult {
  const refuse = (why: string): ReadResult => ({
    ok: false,
    message: `This file could not be opened: ${why}.`,
  });
  if (typeof text !== 'string') return refuse('it is not text');
  if (text.length > MAX_FILE_BYTES) return refuse('it is larger than any network file');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse('it is not JSON (is it cut short?)');
  }
  const header = v.safeParse(
    v.looseObject({ format: v.literal(NETWORK_FILE_FORMAT), version: v.unknown() }),
    json,
  );
  if (!header.success) return refuse('it is not an Activation Playground network file');
  const version = header.output.version;
  if (version !== NETWORK_FILE_VERSION) {
    const newer = typeof version === 'number' && version > NETWORK_FILE_VERSION;
    return refuse(
      newer
        ? `it is of version ${version}, newer than this page reads (${NETWORK_FILE_VERSION}); open it in a newer Activation Playground`
        : `its version ${JSON.stringify(version)?.slice(0, 40)} is not one this page reads`,
    );
  }
  const parsed = v.safeParse(fileSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue ? v.getDotPath(issue) : null;
    return refuse(`${where ?? 'its layout'} is not as expected (${issue?.message ?? 'invalid'})`);
  }
  const file = parsed.output as NetworkFile;
  const problems = configProblems(file.config);
  if (problems.length > 0) return refuse(`its settings are invalid: ${problems.join('; ')}`);
  const history = file.history;
  if (
    history.trainLoss.length !== history.epochs.length ||
    history.testLoss.length !== history.epochs.length
  ) {
    return refuse('its loss history has arrays of different lengths');
  }
  if (file.data !== null) {
    const dataProblems = ownDataProblems(file.data, file.config.dataset);
    if (dataProblems.length > 0)
      return refuse(`its own data are invalid: ${dataProblems.join('; ')}`);
  }
  let stateProblems: string[];
  try {
    stateProblems = sessionStateProblems(file.state, buildSession(file.config, 0, file.data));
  } catch (error) {
    return refuse(`its network cannot be built (${(error as Error).message})`);
  }
  if (stateProblems.length > 0) {
    return refuse(`its training does not fit its network: ${stateProblems.join('; ')}`);
  }
  return { ok: true, file };
}
